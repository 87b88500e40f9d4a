namespace Kiosk.Orders.Apis;

/// <summary><c>unitPrice</c> includes every choice's <c>priceDelta</c>; <c>choices</c> is empty for a plain item.</summary>
[OpenApiExample("""
    {
      "menuItemId": 601,
      "name": "1-pc Chickenjoy Meal with Drink",
      "unitPrice": 200.00,
      "quantity": 1,
      "lineTotal": 200.00,
      "choices": [
        { "id": 9101, "name": "Iced Tea", "priceDelta": 0.00 },
        { "id": 9112, "name": "Large drink", "priceDelta": 20.00 },
        { "id": 9122, "name": "Jolly Spaghetti instead of rice", "priceDelta": 45.00 }
      ],
      "note": "no ice"
    }
    """)]
public sealed record OrderItemResponse(
    int MenuItemId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal,
    IReadOnlyList<OrderItemChoiceResponse> Choices, string? Note)
{
    public static OrderItemResponse From(OrderItem item) =>
        new(item.MenuItemId, item.Name, item.UnitPrice, item.Quantity, item.LineTotal,
            [.. item.Choices.Select(c => new OrderItemChoiceResponse(c.Id, c.Name, c.PriceDelta))], item.Note);
}

[OpenApiExample("""
    { "id": 9112, "name": "Large drink", "priceDelta": 20.00 }
    """)]
public sealed record OrderItemChoiceResponse(int Id, string Name, decimal PriceDelta);
