namespace Kiosk.Cart.Apis;

/// <summary><c>DINE_IN</c> or <c>TAKE_OUT</c>.</summary>
public sealed record CheckoutRequest(string? DiningOption);
