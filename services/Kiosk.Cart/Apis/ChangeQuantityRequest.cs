namespace Kiosk.Cart.Apis;

[OpenApiExample("""
    { "quantity": 2 }
    """)]
public sealed record ChangeQuantityRequest(int? Quantity);
