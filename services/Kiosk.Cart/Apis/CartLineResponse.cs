namespace Kiosk.Cart.Apis;

using Kiosk.Cart.Domain;

[OpenApiExample("""
    {
      "lineId": "01a213ba-7c86-74ae-8968-9835e625a8ff",
      "menuItemId": 101,
      "name": "1-pc Chickenjoy with Rice",
      "unitPrice": 99.00,
      "quantity": 2,
      "lineTotal": 198.00
    }
    """)]
public sealed record CartLineResponse(Guid LineId, int MenuItemId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal)
{
    public static CartLineResponse From(CartLine line) =>
        new(line.Id, line.MenuItemId, line.Name, line.UnitPrice, line.Quantity, line.LineTotal);
}
