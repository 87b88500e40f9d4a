namespace Kiosk.Cart.Apis;

using Kiosk.Cart.Domain;

/// <summary>The order is accepted, not yet created: the client polls <c>/api/orders/{orderId}</c>.</summary>
public sealed record CheckoutResponse(Guid OrderId, Guid CartId, decimal Total, string DiningOption, string Status)
{
    public static CheckoutResponse From(Cart cart) =>
        new(cart.OrderId!.Value, cart.Id, cart.Total, cart.DiningOption!.Value.ToCode(), cart.Status.ToCode());
}
