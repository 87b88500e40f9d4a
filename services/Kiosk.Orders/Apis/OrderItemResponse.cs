namespace Kiosk.Orders.Apis;

[OpenApiExample("""
    {
      "menuItemId": 101,
      "name": "1-pc Chickenjoy with Rice",
      "unitPrice": 99.00,
      "quantity": 2,
      "lineTotal": 198.00
    }
    """)]
public sealed record OrderItemResponse(int MenuItemId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal)
{
    public static OrderItemResponse From(OrderItem item) =>
        new(item.MenuItemId, item.Name, item.UnitPrice, item.Quantity, item.LineTotal);
}
