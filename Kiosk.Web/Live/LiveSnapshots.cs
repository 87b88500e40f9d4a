using Kiosk.Web.Pages;

namespace Kiosk.Web.Live;

/// <summary>
/// The state a live stream starts from, read from the services the pages read. A snapshot the services cannot give
/// right now says <c>stale: true</c>; the page then keeps what it shows and takes the events that follow.
/// </summary>
public sealed class LiveSnapshots(OrdersClient orders, MenuClient menu, StoreClock clock)
{
    public async Task<object> OrderAsync(Guid orderId, CancellationToken ct)
    {
        var found = await orders.GetAsync(orderId, ct);
        if (found.Succeeded)
        {
            return new { orderNumber = (int?)found.Value.OrderNumber, status = found.Value.Status, stale = false };
        }
        // 404: the order is still on its way (its creation comes as an event); anything else: the service is away.
        return new { orderNumber = (int?)null, status = (string?)null, stale = found.Problem.StatusCode != StatusCodes.Status404NotFound };
    }

    public async Task<object> BoardAsync(CancellationToken ct)
    {
        var numbers = await BoardNumbers.LoadAsync(orders, clock, ct);
        return new { preparing = numbers.Preparing, ready = numbers.Ready, stale = numbers.Stale };
    }

    public async Task<object> OpenOrdersAsync(CancellationToken ct)
    {
        var open = await orders.ListAsync(OrderStatus.Pending, ct);
        var paid = await orders.ListAsync(OrderStatus.Paid, ct);
        if (!open.Succeeded || !paid.Succeeded)
        {
            return new { orders = Array.Empty<object>(), stale = true };
        }
        return new
        {
            orders = open.Value.Concat(paid.Value).Select(o => new { orderId = o.OrderId, orderNumber = o.OrderNumber, status = o.Status }),
            stale = false,
        };
    }

    public async Task<object> MenuAsync(CancellationToken ct)
    {
        var categories = await menu.GetCategoriesAsync(ct);
        if (!categories.Succeeded)
        {
            return new { soldOut = Array.Empty<int>(), stale = true };
        }
        var lists = await Task.WhenAll(categories.Value.Select(c => menu.GetItemsAsync(c.Code, ct)));
        if (lists.Any(l => !l.Succeeded))
        {
            return new { soldOut = Array.Empty<int>(), stale = true };
        }
        return new { soldOut = lists.SelectMany(l => l.Value!).Where(i => !i.Available).Select(i => i.Id).ToArray(), stale = false };
    }
}
