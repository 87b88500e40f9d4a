namespace Kiosk.Web.Pages;

/// <summary>Category rail, item grid and the quantity chooser; adding goes to the cart service, which prices it.</summary>
public sealed class MenuModel(MenuClient menu, CartClient carts, UiText text) : PageModel
{
    public IReadOnlyList<MenuCategory> Categories { get; private set; } = [];
    public IReadOnlyList<MenuItem> Items { get; private set; } = [];
    public MenuCategory? Current { get; private set; }
    public MenuItem? Selected { get; private set; }
    public int ChosenQuantity { get; private set; } = 1;

    /// <summary>The value meal the selected solo item can become, offered once in its chooser ("make it a meal?").</summary>
    public MenuItem? Meal { get; private set; }

    /// <summary>Pre-selected in the chooser: the groups' defaults, or what the customer had chosen before a retry.</summary>
    public IReadOnlySet<int> ChosenChoices { get; private set; } = new HashSet<int>();

    public string? ChosenNote { get; private set; }

    /// <summary>The cart line this chooser changes (its choice sold out): replaced by the new choice once that is added.</summary>
    public string? ReplaceLineId { get; private set; }
    public Cart? Cart { get; private set; }
    public string? Problem { get; private set; }
    public string DiningOption { get; private set; } = DiningOptions.DineIn;

    /// <summary>Rendered into the quantity chooser, so a double tap or a resend of that one choice adds it once.</summary>
    public string IdempotencyKey { get; private set; } = IdempotencyKeys.New();

    [TempData]
    public string? Added { get; set; }

    /// <summary>
    /// The menu, with <paramref name="item"/>'s chooser open. From the cart's "Change choice", <paramref name="replace"/> names the
    /// line being changed and <paramref name="choices"/> (comma-separated ids), <paramref name="quantity"/> and <paramref name="note"/>
    /// start the chooser where that line was; choices sold out since are left unchosen.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(
        string? category, int? item, int? quantity, string? choices, string? note, string? replace, CancellationToken ct)
    {
        if (KioskSession.CartId(Request) is not { } cartId)
        {
            return RedirectToPage("/Index");
        }
        var keepChoices = false;
        if (!string.IsNullOrEmpty(replace))
        {
            ReplaceLineId = replace;
            ChosenQuantity = Math.Clamp(quantity ?? 1, 1, 20);
            ChosenNote = note;
            ChosenChoices = ParseIds((choices ?? "").Split(',')).ToHashSet();
            keepChoices = true;
        }
        if (await LoadAsync(cartId, category, item, ct, keepChoices) is { } elsewhere)
        {
            return elsewhere;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(
        int menuItemId, int quantity, string? category, string? idempotencyKey, bool hasOptions, string? note, string? replaceLineId,
        CancellationToken ct)
    {
        // One form field per option group ("choice.DRINK"), so each drink-like group is its own radio group.
        var choiceIds = ParseIds(Request.Form
            .Where(field => field.Key.StartsWith("choice.", StringComparison.Ordinal))
            .SelectMany(field => field.Value)).ToArray();
        if (KioskSession.CartId(Request) is not { } cartId)
        {
            return RedirectToPage("/Index");
        }

        var key = IdempotencyKeys.FromForm(idempotencyKey);
        // An item with options sends the customer's whole choice, even none, so a skipped required group is refused, not defaulted.
        var added = hasOptions || !string.IsNullOrWhiteSpace(note)
            ? await carts.AddItemAsync(cartId, menuItemId, quantity, choiceIds, note, key, ct)
            : await carts.AddItemAsync(cartId, menuItemId, quantity, key, ct);
        if (added.Succeeded)
        {
            if (added.Value.Items.FirstOrDefault(l => l.LineId == replaceLineId) is { } replaced)
            {
                // The changed line goes once its new choice is in (if removing fails, the cart still shows it to remove).
                // Chosen exactly as before, the add merged into it: it keeps the quantity chosen, not twice that.
                var merged = replaced.MenuItemId == menuItemId
                    && (replaced.Choices ?? []).Select(c => c.Id).ToHashSet().SetEquals(choiceIds)
                    && (replaced.Note ?? "").Trim() == (note ?? "").Trim();
                _ = merged
                    ? await carts.SetQuantityAsync(cartId, replaced.LineId, Math.Clamp(quantity, 1, 20), ct)
                    : await carts.RemoveLineAsync(cartId, replaced.LineId, ct);
                return RedirectToPage("/Cart");
            }
            if (!string.IsNullOrEmpty(replaceLineId))
            {
                return RedirectToPage("/Cart");
            }
            var line = added.Value.Items.FirstOrDefault(l => l.MenuItemId == menuItemId);
            Added = line is null ? text.AddedToOrder : $"{text.AddedToOrder}: {line.Name}";
            return RedirectToPage(new { category });
        }

        Problem = added.Problem.StatusCode == StatusCodes.Status404NotFound
            ? text.SessionEnded
            : ProblemText.ForCustomer(added.Problem, text);
        // After an outage the chooser stays open with the same quantity, so one tap retries; a refusal (sold out) closes it,
        // except for a refused choice (sold out meanwhile, or a required group skipped): the chooser reopens to change it.
        ChosenQuantity = Math.Clamp(quantity, 1, 20);
        ChosenChoices = choiceIds.ToHashSet();
        ChosenNote = note;
        ReplaceLineId = string.IsNullOrEmpty(replaceLineId) ? null : replaceLineId;
        // The retry tap is the same choice: if the lost answer had added it, the service answers that instead of adding again.
        if (added.Problem.IsTransient)
        {
            IdempotencyKey = key;
        }
        var reopen = added.Problem.IsTransient || (hasOptions && added.Problem.StatusCode is 400 or 409);
        return await LoadAsync(cartId, category, reopen ? menuItemId : null, ct, keepChoices: true) ?? Page();
    }

    private static IEnumerable<int> ParseIds(IEnumerable<string?> values) =>
        values
            .Select(value => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0);

    private async Task<IActionResult?> LoadAsync(Guid cartId, string? category, int? item, CancellationToken ct, bool keepChoices = false)
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
        if (Selected is null)
        {
            return null;
        }

        var offered = Selected.Groups.SelectMany(g => g.Choices).Where(c => c.Available).ToList();
        ChosenChoices = keepChoices && ChosenChoices.Count > 0
            ? offered.Where(c => ChosenChoices.Contains(c.Id)).Select(c => c.Id).ToHashSet()
            : offered.Where(c => c.IsDefault).Select(c => c.Id).ToHashSet();
        if (Selected.MealId is int mealId && await menu.GetItemAsync(mealId, ct) is { Succeeded: true, Value: { Available: true } meal })
        {
            Meal = meal;
        }
        return null;
    }
}
