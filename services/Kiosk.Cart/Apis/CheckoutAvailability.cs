namespace Kiosk.Cart.Apis;

using Kiosk.Cart.Domain;

/// <summary>The checkout's second look at the menu: is every line still sellable as it was added?</summary>
public static class CheckoutAvailability
{
    /// <summary>
    /// Errors keyed by line id for each line whose item or chosen option sold out (or left the menu) since it was added;
    /// null when every line can be ordered, the cart does not exist, is empty or is already checked out (those answers
    /// come from the checkout itself).
    /// </summary>
    /// <exception cref="MenuUnavailableException">The menu could not be asked.</exception>
    public static async Task<IDictionary<string, string[]>?> SoldOutLinesAsync(
        Cart? cart, MenuClient menu, CancellationToken cancellationToken)
    {
        if (cart is not { Status: CartStatus.Open, Lines.Count: > 0 })
        {
            return null;
        }

        // One menu read per distinct item, side by side: a cart of five meals waits for one round trip, not five.
        var ids = cart.Lines.Select(l => l.MenuItemId).Distinct().ToList();
        var found = await Task.WhenAll(ids.Select(id => menu.FindItemAsync(id, cancellationToken)));
        var items = ids.Zip(found).ToDictionary(pair => pair.First, pair => pair.Second);

        var errors = new Dictionary<string, string[]>();
        foreach (var line in cart.Lines)
        {
            if (ChoiceRules.StillSellable(line, items[line.MenuItemId]) is { } problem)
            {
                errors[line.Id.ToString()] = [problem];
            }
        }
        return errors.Count == 0 ? null : errors;
    }
}
