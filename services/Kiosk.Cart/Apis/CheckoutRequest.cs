namespace Kiosk.Cart.Apis;

/// <summary><c>DINE_IN</c> or <c>TAKE_OUT</c>.</summary>
[OpenApiExample("""
    { "diningOption": "DINE_IN" }
    """)]
public sealed record CheckoutRequest(string? DiningOption);
