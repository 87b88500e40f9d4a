using Kiosk.Web.Pages.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace Kiosk.Web.Pages;

/// <summary>Order review: change quantities, remove lines, see the totals the cart service computed, and place the order.</summary>
public sealed class CartModel(CartClient carts, MenuClient menu, UiText text) : PageModel
{
    /// <summary>Dessert category whose first available item is suggested once per order, before it is placed.</summary>
    public const string SuggestedCategory = "DESSERTS";
    public Cart? Cart { get; private set; }
    public VatBreakdown? Totals { get; private set; }
    public string? Problem { get; private set; }
    public string DiningOption { get; private set; } = DiningOptions.DineIn;

    /// <summary>Shown once per order (an inline offer, never in the way of "Place order"); null when already offered.</summary>
    public MenuItem? Suggestion { get; private set; }

    /// <summary>Lines a refused checkout named (sold out since added), by line id: highlighted, each with what to change.</summary>
    public IReadOnlyDictionary<string, RefusedLine> Refused { get; private set; } = new Dictionary<string, RefusedLine>();

    /// <summary>For the suggestion's one-tap add: a double tap adds it once.</summary>
    public string IdempotencyKey { get; } = IdempotencyKeys.New();

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(null, ct);

    public Task<IActionResult> OnPostQuantityAsync(string lineId, int quantity, CancellationToken ct) =>
        ChangeAsync((cartId, token) => carts.SetQuantityAsync(cartId, lineId, quantity, token), ct);

    public Task<IActionResult> OnPostSuggestionAsync(int menuItemId, string? idempotencyKey, CancellationToken ct) =>
        ChangeAsync((cartId, token) => carts.AddItemAsync(cartId, menuItemId, 1, IdempotencyKeys.FromForm(idempotencyKey), token), ct);

    public Task<IActionResult> OnPostRemoveAsync(string lineId, CancellationToken ct) =>
        ChangeAsync((cartId, token) => carts.RemoveLineAsync(cartId, lineId, token), ct);

    public async Task<IActionResult> OnPostCheckoutAsync(CancellationToken ct)
    {
        if (KioskSession.CartId(Request) is not { } cartId)
        {
            return RedirectToPage("/Index");
        }
        var accepted = await carts.CheckoutAsync(cartId, KioskSession.DiningOptionOf(Request), ct);
        return accepted.Succeeded
            ? RedirectToPage("/Order", new { orderId = accepted.Value.OrderId })
            : await ShowAsync(accepted.Problem, ct);
    }

    private async Task<IActionResult> ChangeAsync(Func<Guid, CancellationToken, Task<ServiceResult<Cart>>> change, CancellationToken ct)
    {
        if (KioskSession.CartId(Request) is not { } cartId)
        {
            return RedirectToPage("/Index");
        }
        var changed = await change(cartId, ct);
        return changed.Succeeded ? RedirectToPage() : await ShowAsync(changed.Problem, ct);
    }

    private async Task<IActionResult> ShowAsync(ServiceProblem? problem, CancellationToken ct)
    {
        if (KioskSession.CartId(Request) is not { } cartId)
        {
            return RedirectToPage("/Index");
        }
        DiningOption = KioskSession.DiningOptionOf(Request);
        if (problem is not null)
        {
            Problem = ProblemText.ForCustomer(problem, text);
        }

        var cart = await carts.GetAsync(cartId, ct);
        if (!cart.Succeeded)
        {
            Problem ??= cart.Problem.StatusCode == StatusCodes.Status404NotFound
                ? text.SessionEnded
                : ProblemText.ForCustomer(cart.Problem, text);
            return Page();
        }
        if (!cart.Value.IsOpen && cart.Value.OrderId is { } orderId)
        {
            return RedirectToPage("/Order", new { orderId });
        }

        Cart = cart.Value;
        Totals = VatBreakdown.FromTotal(cart.Value.Total);
        if (problem is { StatusCode: StatusCodes.Status409Conflict, Errors: { } errors }
            && Cart.Items.Where(line => errors.ContainsKey(line.LineId)).ToList() is { Count: > 0 } refused)
        {
            Problem = text.LinesSoldOut;
            var described = await Task.WhenAll(refused.Select(line => DescribeAsync(line, errors[line.LineId], ct)));
            Refused = refused.Zip(described).ToDictionary(pair => pair.First.LineId, pair => pair.Second);
        }
        if (Cart.Items.Count > 0 && !KioskSession.WasSuggested(Request, cartId))
        {
            var desserts = await menu.GetItemsAsync(SuggestedCategory, ct);
            Suggestion = desserts.Succeeded
                ? desserts.Value.FirstOrDefault(d => d.Available && Cart.Items.All(line => line.MenuItemId != d.Id))
                : null;
            if (Suggestion is not null)
            {
                KioskSession.MarkSuggested(Response, cartId);
            }
        }
        return Page();
    }

    /// <summary>
    /// Names what sold out on a refused line in the customer's language, from the menu as it is now; a line whose item is
    /// still sold can be chosen again (its other choices kept). Without the menu, the cart service's own words are shown.
    /// </summary>
    private async Task<RefusedLine> DescribeAsync(CartLine line, string[] serviceMessages, CancellationToken ct)
    {
        var item = await menu.GetItemAsync(line.MenuItemId, ct);
        if (!item.Succeeded)
        {
            return item.Problem.StatusCode == StatusCodes.Status404NotFound
                ? new RefusedLine($"{text.LineSoldOut} {line.Name}. {text.LineRemove}", null)
                : new RefusedLine(string.Join(" ", serviceMessages), null);
        }
        if (!item.Value.Available)
        {
            return new RefusedLine($"{text.LineSoldOut} {line.Name}. {text.LineRemove}", null);
        }

        var onMenu = item.Value.Groups.SelectMany(g => g.Choices).ToDictionary(c => c.Id);
        var chosen = line.Choices ?? [];
        var soldOut = chosen.Where(c => !onMenu.TryGetValue(c.Id, out var now) || !now.Available).Select(c => c.Name).ToList();
        var change = QueryHelpers.AddQueryString("/menu", new Dictionary<string, string?>
        {
            ["category"] = item.Value.CategoryCode,
            ["item"] = line.MenuItemId.ToString(CultureInfo.InvariantCulture),
            ["quantity"] = line.Quantity.ToString(CultureInfo.InvariantCulture),
            ["choices"] = string.Join(",", chosen.Select(c => c.Id.ToString(CultureInfo.InvariantCulture))),
            ["note"] = line.Note,
            ["replace"] = line.LineId,
        });
        var what = soldOut.Count > 0 ? string.Join(", ", soldOut) : line.Name;
        return new RefusedLine($"{text.LineSoldOut} {what}. {text.LineChangeOrRemove}", change);
    }
}
