using Kiosk.Messaging.EntityFrameworkCore;

namespace Kiosk.Payments.Apis;

/// <summary>Commits a payment with the store's next sales invoice number and its PAYMENT_CONFIRMED, all in one commit.</summary>
public static class InvoicedPayments
{
    // Each conflict means another payment committed a number meanwhile; a counter takes at most one round per rival.
    private const int MaxNumberingRounds = 100;

    /// <summary>
    /// Saves the tracked changes (the order marked paid, <paramref name="payment"/> added) with the next invoice number of
    /// the tracked <paramref name="counter"/>, re-read whenever another payment took its number first.
    /// Throws <see cref="DbUpdateConcurrencyException"/> when the order itself changed meanwhile (cancelled, or paid).
    /// </summary>
    public static async Task SavePaymentAsync(
        PaymentsDbContext db, Payment payment, SalesInvoiceCounter counter, CancellationToken cancellationToken, AuditTrail? audit = null)
    {
        for (var round = 1; ; round++)
        {
            payment.AssignInvoiceNumber(counter.Next());
            var confirmation = db.Set<OutboxMessage>().Add(
                OutboxMessage.Create(Topics.PaymentConfirmed, payment.OrderId.ToString(), Confirmation(payment))).Entity;
            var recorded = audit is null ? [] : RecordAudit(db, audit, payment);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException ex) when (round < MaxNumberingRounds && IsNumberTaken(ex))
            {
                // Only the number was taken: nothing of this payment committed (the commit, or its savepoint, rolled back).
                db.Entry(confirmation).State = EntityState.Detached;
                foreach (var entry in recorded)
                {
                    db.Entry(entry).State = EntityState.Detached;
                }
                await db.Entry(counter).ReloadAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// The payment (who took it, the invoice number, the amounts) and its discount (kind, holder count, amount: never a
    /// holder's name or ID number), committed with the payment itself.
    /// </summary>
    private static List<AuditEntry> RecordAudit(PaymentsDbContext db, AuditTrail audit, Payment payment)
    {
        var subject = payment.OrderId.ToString();
        List<AuditEntry> entries =
        [
            audit.Record(db, "payment.taken", subject, new
            {
                payment.PaymentId, payment.OrderNumber, InvoiceNumber = payment.InvoiceText, payment.Total, payment.Discount,
                payment.AmountDue, payment.AmountPaid, payment.Change,
            }),
        ];
        if (payment.DiscountKind is { } kind)
        {
            entries.Add(audit.Record(db, "discount.given", subject, new
            {
                payment.OrderNumber, InvoiceNumber = payment.InvoiceText, Kind = kind, Holders = payment.Holders.Count,
                payment.Diners, Amount = payment.Discount, payment.VatExemptSales,
            }));
        }
        return entries;
    }

    /// <summary>
    /// Another payment committed this number first: either its counter update came first (a concurrency conflict on the
    /// counter) or its insert did (the invoice number's unique index).
    /// </summary>
    private static bool IsNumberTaken(DbUpdateException ex) =>
        ex.IsUniqueViolation(PaymentsDbContext.OneInvoicePerNumber)
        || ex is DbUpdateConcurrencyException && ex.Entries.All(entry => entry.Entity is SalesInvoiceCounter);

    /// <summary>The event other services see: the breakdown and the discount's kind and holder count, never a holder's name or ID.</summary>
    public static PaymentConfirmed Confirmation(Payment payment) =>
        new(Guid.CreateVersion7(), payment.OrderId, payment.PaymentId, payment.AmountPaid, payment.Change, payment.Total, payment.PaidAt)
        {
            InvoiceNumber = payment.InvoiceText,
            AmountDue = payment.AmountDue,
            VatableSales = payment.VatableSales,
            Vat = payment.Vat,
            VatExemptSales = payment.VatExemptSales,
            ZeroRatedSales = payment.ZeroRatedSales,
            Discount = payment.Discount,
            DiscountKind = payment.DiscountKind,
            DiscountHolders = payment.Holders.Count,
            Diners = payment.Diners,
        };
}
