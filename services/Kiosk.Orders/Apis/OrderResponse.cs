namespace Kiosk.Orders.Apis;

[OpenApiExample("""
    {
      "orderId": "f0b2308b-081b-4dd7-8c5e-8e55fb53352f",
      "orderNumber": 2,
      "status": "PAID",
      "diningOption": "DINE_IN",
      "items": [
        { "menuItemId": 101, "name": "1-pc Chickenjoy with Rice", "unitPrice": 99.00, "quantity": 2, "lineTotal": 198.00 },
        { "menuItemId": 801, "name": "Peach Mango Pie", "unitPrice": 45.00, "quantity": 1, "lineTotal": 45.00 }
      ],
      "total": 243.00,
      "vatableSales": 216.96,
      "vat": 26.04,
      "createdAt": "2026-11-25T17:22:10.077997+00:00",
      "paidAt": "2026-11-25T17:22:16.216222+00:00",
      "completedAt": null,
      "businessDay": "2026-11-26",
      "cancelledAt": null,
      "cancelReason": null
    }
    """)]
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
    DateTimeOffset? CompletedAt,
    DateOnly BusinessDay,
    DateTimeOffset? CancelledAt,
    string? CancelReason)
{
    public static OrderResponse From(Order order)
    {
        var vat = Kiosk.Contracts.Vat.Split(order.Total);
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
            order.CompletedAt,
            order.BusinessDay,
            order.CancelledAt,
            order.CancelReason);
    }
}
