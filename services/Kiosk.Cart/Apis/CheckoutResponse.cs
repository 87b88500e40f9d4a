namespace Kiosk.Cart.Apis;

using Kiosk.Cart.Domain;

/// <summary>The order is accepted, not yet created: the client polls <c>/api/orders/{orderId}</c>.</summary>
[OpenApiExample("""
    {
      "orderId": "f0b2308b-081b-4dd7-8c5e-8e55fb53352f",
      "cartId": "01a213ba-7a67-774e-9bcd-3a96c5b91aaf",
      "total": 243.00,
      "diningOption": "DINE_IN",
      "status": "CHECKED_OUT"
    }
    """)]
public sealed record CheckoutResponse(Guid OrderId, Guid CartId, decimal Total, string DiningOption, string Status)
{
    public static CheckoutResponse From(Cart cart) =>
        new(cart.OrderId!.Value, cart.Id, cart.Total, cart.DiningOption!.Value.ToCode(), cart.Status.ToCode());
}
