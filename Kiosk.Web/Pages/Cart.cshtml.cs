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
}
