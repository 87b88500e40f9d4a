namespace Kiosk.Cart.Domain;

public enum CartError
{
    InvalidQuantity,
    LineNotFound,
    CheckedOut,
    Empty,
    Busy,
    Expired,
}

/// <summary>A cart rule said no; <see cref="Exception.Message"/> is written for the customer.</summary>
public sealed class CartException(CartError error, string message) : Exception(message)
{
    public CartError Error { get; } = error;
}
