namespace Kiosk.Cart.Apis;

using Kiosk.Cart.Domain;

/// <summary>The cart as the kiosk shows it; <see cref="OrderId"/> stays null until checkout.</summary>
public sealed record CartResponse(Guid CartId, string Status, IReadOnlyList<CartLineResponse> Items, decimal Total, Guid? OrderId)
{
    public static CartResponse From(Cart cart) =>
        new(cart.Id, cart.Status.ToCode(), [.. cart.Lines.Select(CartLineResponse.From)], cart.Total, cart.OrderId);
}
