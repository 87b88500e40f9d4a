namespace Kiosk.Orders.Apis;

public sealed record OrderResponse(
    Guid OrderId,
    int OrderNumber,
    string Status,
    string DiningOption,
    IReadOnlyList<OrderItemResponse> Items,
    decimal Total,
    decimal VatableSales,
    decimal Vat,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? CompletedAt)
{
    public static OrderResponse From(Order order)
    {
        var vat = Domain.Vat.Split(order.Total);
        return new(
            order.Id,
            order.OrderNumber,
            order.Status.ToText(),
            order.DiningOption,
            [.. order.Items.OrderBy(i => i.LineNumber).Select(OrderItemResponse.From)],
            order.Total,
            vat.VatableSales,
            vat.Vat,
            order.CreatedAt,
            order.PaidAt,
            order.CompletedAt);
    }
}
