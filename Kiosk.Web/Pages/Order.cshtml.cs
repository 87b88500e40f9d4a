using Microsoft.Extensions.Options;

namespace Kiosk.Web.Pages;

/// <summary>The confirmation screen: the order number, "please pay at the counter", and a status that follows the order.</summary>
public sealed class OrderModel(OrdersClient orders, CartClient carts, LiveFeed feed, UiText text, IOptions<KioskWebOptions> options)
    : PageModel
{
    // The order appears once the orders service has consumed the checkout event, usually well within this.
    private static readonly TimeSpan FirstLookWait = TimeSpan.FromSeconds(2);

    public Guid OrderId { get; private set; }
    public Order? Order { get; private set; }
    /// <summary>The checked-out cart's total, shown if the order is slow to appear; null when this kiosk did not place it.</summary>
    public decimal? CartTotal { get; private set; }
    public int ConfirmationSeconds => options.Value.ConfirmationSeconds;
    public int OrderVisibleSeconds => options.Value.OrderVisibleSeconds;

    public async Task OnGetAsync(Guid orderId, CancellationToken ct)
    {
        OrderId = orderId;
        // Subscribed before the first look, so the order's creation cannot slip in between the look and the wait.
        using var events = feed.IsLive ? feed.Subscribe(lastEventId: null) : null;
        var found = await orders.GetAsync(orderId, ct);
        if (!found.Succeeded && found.Problem.StatusCode == StatusCodes.Status404NotFound
            && events is not null && await HearOfOrderAsync(events, orderId, ct))
        {
            found = await orders.GetAsync(orderId, ct);
        }

        if (found.Succeeded)
        {
            Order = found.Value;
            return;
        }
        // Not there yet, or the orders service is away: the page shows the cart's total, and its poller keeps asking.
        await LoadCartTotalAsync(orderId, ct);
    }

    /// <summary>
    /// Waits, at most <see cref="FirstLookWait"/>, for the order's creation to be announced (ORDER_STATUS_CHANGED is
    /// written in the order's own transaction, so once it is heard the order can be read). False when the wait ran out
    /// or the events stopped reaching this process.
    /// </summary>
    private static async Task<bool> HearOfOrderAsync(LiveSubscription events, Guid orderId, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(FirstLookWait);
        try
        {
            await foreach (var live in events.Events.ReadAllAsync(wait.Token))
            {
                if (live.Live == false)
                {
                    return false;
                }
                if (live.Order?.OrderId == orderId)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
        return false;
    }

    // The cart that was checked out already knows the total, so the crew can match the order without its number.
    private async Task LoadCartTotalAsync(Guid orderId, CancellationToken ct)
    {
        if (KioskSession.CartId(Request) is not { } cartId)
        {
            return;
        }
        var cart = await carts.GetAsync(cartId, ct);
        if (cart.Succeeded && cart.Value.OrderId == orderId)
        {
            CartTotal = cart.Value.Total;
        }
    }

    /// <summary>What the page's poller asks every second or two; 404 while the order is still on its way.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid orderId, CancellationToken ct)
    {
        var found = await orders.GetAsync(orderId, ct);
        if (!found.Succeeded)
        {
            var status = found.Problem.StatusCode == StatusCodes.Status404NotFound
                ? StatusCodes.Status404NotFound
                : StatusCodes.Status503ServiceUnavailable;
            return new JsonResult(new { found = false, message = text.SendingOrder }) { StatusCode = status };
        }

        var order = found.Value;
        return new JsonResult(new
        {
            found = true,
            orderNumber = order.OrderNumber,
            status = order.Status,
            label = OrderStatusText.Label(order.Status, text),
            hint = OrderStatusText.Hint(order.Status, text),
        });
    }
}
