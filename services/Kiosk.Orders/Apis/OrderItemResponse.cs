namespace Kiosk.Orders.Apis;

public sealed record OrderItemResponse(int MenuItemId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal)
{
    public static OrderItemResponse From(OrderItem item) =>
        new(item.MenuItemId, item.Name, item.UnitPrice, item.Quantity, item.LineTotal);
}
