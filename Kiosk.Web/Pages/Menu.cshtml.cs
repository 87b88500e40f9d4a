namespace Kiosk.Web.Pages;

/// <summary>Category rail, item grid and the quantity chooser; adding goes to the cart service, which prices it.</summary>
public sealed class MenuModel(MenuClient menu, CartClient carts, UiText text) : PageModel
{
    public IReadOnlyList<MenuCategory> Categories { get; private set; } = [];
    public IReadOnlyList<MenuItem> Items { get; private set; } = [];
    public MenuCategory? Current { get; private set; }
    public MenuItem? Selected { get; private set; }
    public int ChosenQuantity { get; private set; } = 1;
    public Cart? Cart { get; private set; }
    public string? Problem { get; private set; }
    public string DiningOption { get; private set; } = DiningOptions.DineIn;

    /// <summary>Rendered into the quantity chooser, so a double tap or a resend of that one choice adds it once.</summary>
    public string IdempotencyKey { get; private set; } = IdempotencyKeys.New();

    [TempData]
    public string? Added { get; set; }

    public async Task<IActionResult> OnGetAsync(string? category, int? item, CancellationToken ct)
    {
        if (KioskSession.CartId(Request) is not { } cartId)
        {
            return RedirectToPage("/Index");
        }
        if (await LoadAsync(cartId, category, item, ct) is { } elsewhere)
        {
            return elsewhere;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(
        int menuItemId, int quantity, string? category, string? idempotencyKey, CancellationToken ct)
    {
        if (KioskSession.CartId(Request) is not { } cartId)
        {
            return RedirectToPage("/Index");
        }

        var key = IdempotencyKeys.FromForm(idempotencyKey);
        var added = await carts.AddItemAsync(cartId, menuItemId, quantity, key, ct);
        if (added.Succeeded)
        {
            var line = added.Value.Items.FirstOrDefault(l => l.MenuItemId == menuItemId);
            Added = line is null ? text.AddedToOrder : $"{text.AddedToOrder}: {line.Name}";
            return RedirectToPage(new { category });
        }

        Problem = added.Problem.StatusCode == StatusCodes.Status404NotFound
            ? text.SessionEnded
            : ProblemText.ForCustomer(added.Problem, text);
        // After an outage the chooser stays open with the same quantity, so one tap retries; a refusal (sold out) closes it.
        ChosenQuantity = Math.Clamp(quantity, 1, 20);
        // The retry tap is the same choice: if the lost answer had added it, the service answers that instead of adding again.
        if (added.Problem.IsTransient)
        {
            IdempotencyKey = key;
        }
        return await LoadAsync(cartId, category, added.Problem.IsTransient ? menuItemId : null, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid cartId, string? category, int? item, CancellationToken ct)
    {
        DiningOption = KioskSession.DiningOptionOf(Request);
        var cartTask = carts.GetAsync(cartId, ct);
        var categories = await menu.GetCategoriesAsync(ct);
        var cart = await cartTask;

        if (cart.Succeeded)
        {
            if (!cart.Value.IsOpen && cart.Value.OrderId is { } orderId)
            {
                return RedirectToPage("/Order", new { orderId });
            }
            Cart = cart.Value;
        }
        else if (cart.Problem.StatusCode == StatusCodes.Status404NotFound)
        {
            Problem ??= text.SessionEnded;
        }

        if (!categories.Succeeded)
        {
            Problem ??= text.MenuUnavailable;
            return null;
        }

        Categories = categories.Value;
        Current = Categories.FirstOrDefault(c => string.Equals(c.Code, category, StringComparison.OrdinalIgnoreCase))
            ?? (Categories.Count > 0 ? Categories[0] : null);
        if (Current is null)
        {
            return null;
        }

        var items = await menu.GetItemsAsync(Current.Code, ct);
        if (!items.Succeeded)
        {
            Problem ??= text.MenuUnavailable;
            return null;
        }
        Items = items.Value;
        Selected = Items.FirstOrDefault(i => i.Id == item && i.Available);
        return null;
    }
}
