namespace Kiosk.Cart.Apis;

using Kiosk.Cart.Domain;

/// <summary><c>unitPrice</c> is the item's price plus every choice's <c>priceDelta</c>; <c>choices</c> is empty for a plain item.</summary>
[OpenApiExample("""
    {
      "lineId": "01a213ba-7c86-74ae-8968-9835e625a8ff",
      "menuItemId": 601,
      "name": "1-pc Chickenjoy Meal with Drink",
      "unitPrice": 200.00,
      "quantity": 2,
      "lineTotal": 400.00,
      "choices": [
        { "id": 9101, "name": "Iced Tea", "priceDelta": 0.00 },
        { "id": 9112, "name": "Large drink", "priceDelta": 20.00 },
        { "id": 9122, "name": "Jolly Spaghetti instead of rice", "priceDelta": 45.00 }
      ],
      "note": "no ice"
    }
    """)]
public sealed record CartLineResponse(
    Guid LineId, int MenuItemId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal,
    IReadOnlyList<CartLineChoiceResponse> Choices, string? Note)
{
    public static CartLineResponse From(CartLine line) =>
        new(line.Id, line.MenuItemId, line.Name, line.UnitPrice, line.Quantity, line.LineTotal,
            [.. line.Choices.Select(c => new CartLineChoiceResponse(c.Id, c.Name, c.PriceDelta))], line.Note);
}

[OpenApiExample("""
    { "id": 9112, "name": "Large drink", "priceDelta": 20.00 }
    """)]
public sealed record CartLineChoiceResponse(int Id, string Name, decimal PriceDelta);
