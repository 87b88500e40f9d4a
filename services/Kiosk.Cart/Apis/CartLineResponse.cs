namespace Kiosk.Cart.Apis;

using Kiosk.Cart.Domain;

public sealed record CartLineResponse(Guid LineId, int MenuItemId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal)
{
    public static CartLineResponse From(CartLine line) =>
        new(line.Id, line.MenuItemId, line.Name, line.UnitPrice, line.Quantity, line.LineTotal);
}
