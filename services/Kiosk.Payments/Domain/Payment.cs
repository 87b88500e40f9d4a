namespace Kiosk.Payments.Domain;

/// <summary>Cash taken for one order: the receipt.</summary>
public sealed class Payment
{
    public Guid PaymentId { get; init; }
    public Guid OrderId { get; init; }
    public int OrderNumber { get; init; }
    public decimal Total { get; init; }
    public decimal AmountPaid { get; init; }
    public decimal Change { get; init; }
    public DateTimeOffset PaidAt { get; init; }
}
