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

    /// <summary>CANCELLED or EXPIRED once the order ended unpaid; null while it can still be paid.</summary>
    public string? ClosedStatus { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? CloseReason { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): a payment and a cancellation of the same order cannot both commit.</summary>
    public uint Version { get; private set; }

    public bool IsPaid => PaidAt is not null;
    public bool IsClosed => ClosedStatus is not null;

    /// <summary>Records the cash taken for the full total. Call only after <see cref="Cash.Covers"/>.</summary>
    public Payment Pay(Guid paymentId, decimal amountPaid, DateTimeOffset now) => Pay(paymentId, amountPaid, now, discount: null);

    /// <summary>
    /// Records the cash taken, with the senior citizen / PWD discount when there is one. Call only after
    /// <see cref="Cash.Covers"/> of the amount due; the payments table still allows one payment per order.
    /// </summary>
    public Payment Pay(Guid paymentId, decimal amountPaid, DateTimeOffset now, DiscountClaim? discount)
    {
        if (PaidAt is not null)
        {
            throw new InvalidOperationException($"Order #{OrderNumber} was already paid at {PaidAt:u}.");
        }
        if (ClosedStatus is not null)
        {
            throw new InvalidOperationException($"Order #{OrderNumber} is {ClosedStatus} and cannot be paid.");
        }

        var breakdown = discount?.BreakdownOf(Total) ?? SalesBreakdown.Plain(Total);
        var change = Cash.Change(amountPaid, breakdown.AmountDue);
        PaidAt = now;
        var payment = new Payment
        {
            PaymentId = paymentId,
            OrderId = OrderId,
            OrderNumber = OrderNumber,
            Total = Total,
            AmountPaid = Money.Round(amountPaid),
            Change = change,
            PaidAt = now,
            VatableSales = breakdown.VatableSales,
            Vat = breakdown.Vat,
            VatExemptSales = breakdown.VatExemptSales,
            ZeroRatedSales = breakdown.ZeroRatedSales,
            Discount = breakdown.Discount,
            AmountDue = breakdown.AmountDue,
            DiscountKind = discount?.Kind,
            Diners = discount?.Diners ?? 1,
        };
        if (discount is not null)
        {
            payment.AddHolders(discount.Holders.Select((holder, index) => new DiscountHolder(index + 1, holder.Name, holder.IdNumber)));
        }
        return payment;
    }

    /// <summary>Ends the order unpaid (CANCELLED or EXPIRED). False when it is paid; closing it twice changes nothing.</summary>
    public bool Close(string status, string? reason, DateTimeOffset now)
    {
        if (PaidAt is not null)
        {
            return false;
        }
        if (ClosedStatus is null)
        {
            ClosedStatus = status;
            CloseReason = reason;
            ClosedAt = now;
        }
        return true;
    }

    /// <summary>An order the order service ended before payments heard of it: kept closed, so its late ORDER_CREATED cannot reopen it.</summary>
    public static PayableOrder ClosedBeforeCreated(Guid orderId, int orderNumber, decimal total, DateTimeOffset createdAt,
        string status, string? reason, DateTimeOffset now) =>
        new()
        {
            OrderId = orderId,
            OrderNumber = orderNumber,
            Total = total,
            CreatedAt = createdAt.ToUniversalTime(),
            ClosedStatus = status,
            CloseReason = reason,
            ClosedAt = now,
        };
}
