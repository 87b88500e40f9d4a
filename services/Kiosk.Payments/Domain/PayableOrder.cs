namespace Kiosk.Payments.Domain;

/// <summary>What payments knows of an order, from <c>ORDER_CREATED</c> or asked of the order service: enough to take its cash and print a receipt.</summary>
public sealed class PayableOrder
{
    public Guid OrderId { get; init; }
    public int OrderNumber { get; init; }

    /// <summary>Pesos due, VAT included, as the order service computed it.</summary>
    public decimal Total { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PaidAt { get; private set; }

    public bool IsPaid => PaidAt is not null;

    /// <summary>Records the cash taken. Call only after <see cref="Cash.Covers"/>; the payments table still allows one payment per order.</summary>
    public Payment Pay(Guid paymentId, decimal amountPaid, DateTimeOffset now)
    {
        if (PaidAt is not null)
        {
            throw new InvalidOperationException($"Order #{OrderNumber} was already paid at {PaidAt:u}.");
        }

        var change = Cash.Change(amountPaid, Total);
        PaidAt = now;
        return new Payment
        {
            PaymentId = paymentId,
            OrderId = OrderId,
            OrderNumber = OrderNumber,
            Total = Total,
            AmountPaid = Money.Round(amountPaid),
            Change = change,
            PaidAt = now,
        };
    }
}
