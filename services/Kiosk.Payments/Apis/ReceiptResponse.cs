namespace Kiosk.Payments.Apis;

[OpenApiExample("""
    {
      "paymentId": "01a213ba-c218-7603-9087-126f11f9b1dc",
      "orderId": "f0b2308b-081b-4dd7-8c5e-8e55fb53352f",
      "orderNumber": 2,
      "total": 243.00,
      "amountPaid": 300.00,
      "change": 57.00,
      "paidAt": "2026-11-25T17:22:16.216222+00:00"
    }
    """)]
public sealed record ReceiptResponse(
    Guid PaymentId, Guid OrderId, int OrderNumber, decimal Total, decimal AmountPaid, decimal Change, DateTimeOffset PaidAt)
{
    public static ReceiptResponse From(Payment payment) =>
        new(payment.PaymentId, payment.OrderId, payment.OrderNumber,
            Money.Round(payment.Total), Money.Round(payment.AmountPaid), Money.Round(payment.Change), payment.PaidAt);
}
