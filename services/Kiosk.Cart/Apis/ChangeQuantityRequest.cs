namespace Kiosk.Cart.Apis;

public sealed record ChangeQuantityRequest(int? Quantity);
