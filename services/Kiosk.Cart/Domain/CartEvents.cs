namespace Kiosk.Cart.Domain;

public static class CartEvents
{
    /// <summary>What the order service needs to create the order: the lines at the prices the customer saw.</summary>
    public static CartCheckout CheckedOut(Cart cart)
    {
        if (cart is not { Status: CartStatus.CheckedOut, OrderId: Guid orderId, DiningOption: DiningOption diningOption, CheckedOutAt: DateTimeOffset at })
        {
            throw new InvalidOperationException($"Cart {cart.Id} is not checked out.");
        }

        return new CartCheckout(
            EventId: Guid.CreateVersion7(at),
            OrderId: orderId,
            CartId: cart.Id,
            DiningOption: diningOption.ToCode(),
            Items: [.. cart.Lines.Select(l => new CartCheckoutItem(
                l.MenuItemId, l.Name, l.UnitPrice, l.Quantity,
                [.. l.Choices.Select(c => new LineChoice(c.Id, c.Name, c.PriceDelta))], l.Note))],
            Total: cart.Total,
            OccurredAt: at);
    }
}
