namespace Kiosk.Payments.Apis;

public sealed record ReceiptResponse(
    Guid PaymentId, Guid OrderId, int OrderNumber, decimal Total, decimal AmountPaid, decimal Change, DateTimeOffset PaidAt)
{
    public static ReceiptResponse From(Payment payment) =>
        new(payment.PaymentId, payment.OrderId, payment.OrderNumber,
            Cash.Centavos(payment.Total), Cash.Centavos(payment.AmountPaid), Cash.Centavos(payment.Change), payment.PaidAt);
}
