using Kiosk.Idempotency;

namespace Kiosk.Payments.Data;

public sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options) : DbContext(options)
{
    /// <summary>The unique index that lets exactly one payment per order commit, however many cashiers press Pay.</summary>
    public const string OnePaymentPerOrder = "ux_payments_order_id";

    public DbSet<PayableOrder> PayableOrders => Set<PayableOrder>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<SalesInvoiceCounter> SalesInvoiceCounters => Set<SalesInvoiceCounter>();
    public DbSet<ZReading> ZReadings => Set<ZReading>();

    /// <summary>The database's own refusal of an invoice number used twice.</summary>
    public const string OneInvoicePerNumber = "ux_payments_invoice_number";

    /// <summary>
    /// Records an order as payable unless it is already recorded. ORDER_CREATED and a payment that asked the order service
    /// first write the same facts, often at the same moment (a kiosk pays the moment its order shows), so whichever comes
    /// second changes nothing: it waits for the first to commit and neither fails.
    /// </summary>
    public Task RecordPayableOrderAsync(Guid orderId, int orderNumber, decimal total, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        InsertPayableOrder(orderId, orderNumber, total, createdAt).AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>
    /// <see cref="RecordPayableOrderAsync"/>, returning the order tracked: in one round trip when this is its first
    /// record, with one more to read it when ORDER_CREATED (or a concurrent payment) recorded it first.
    /// </summary>
    public async Task<PayableOrder> RecordAndTrackPayableOrderAsync(
        Guid orderId, int orderNumber, decimal total, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var inserted = await InsertPayableOrder(orderId, orderNumber, total, createdAt).ToListAsync(cancellationToken);
        return inserted.SingleOrDefault() ?? await PayableOrders.SingleAsync(o => o.OrderId == orderId, cancellationToken);
    }

    /// <summary>The order's row when this insert wrote it, none when it was already there.</summary>
    private IQueryable<PayableOrder> InsertPayableOrder(Guid orderId, int orderNumber, decimal total, DateTimeOffset createdAt) =>
        // timestamptz stores UTC only; the sender may use any offset. xmin is a system column that RETURNING * leaves out,
        // and it is the row's concurrency token.
        PayableOrders.FromSql($"""
            INSERT INTO payable_orders ("OrderId", "OrderNumber", "Total", "CreatedAt")
            VALUES ({orderId}, {orderNumber}, {total}, {createdAt.ToUniversalTime()})
            ON CONFLICT ("OrderId") DO NOTHING
            RETURNING *, xmin
            """);

    /// <summary>
    /// The order (null when payments has not heard of it yet) and the store's invoice counter, both tracked, read in one
    /// round trip: a payment needs both, and the counter's concurrency token still catches a number taken meanwhile.
    /// </summary>
    public async Task<(PayableOrder? Order, SalesInvoiceCounter Counter)> FindOrderAndInvoiceCounterAsync(
        Guid orderId, CancellationToken cancellationToken)
    {
        var row = await FindOrderAndCounter(this, orderId, cancellationToken);
        return (row.Order, row.Counter);
    }

    // Read by every payment: compiled once, so each read skips building the LINQ expression and looking it up in EF's
    // query cache.
    private static readonly Func<PaymentsDbContext, Guid, CancellationToken, Task<OrderAndCounter>> FindOrderAndCounter =
        EF.CompileAsyncQuery((PaymentsDbContext db, Guid orderId, CancellationToken _) => (
            from counter in db.SalesInvoiceCounters
            where counter.Id == SalesInvoiceCounter.StoreRow
            from order in db.PayableOrders.Where(o => o.OrderId == orderId).DefaultIfEmpty()
            select new OrderAndCounter(order, counter)).Single());

    private sealed record OrderAndCounter(PayableOrder? Order, SalesInvoiceCounter Counter);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutbox().AddInbox().AddIdempotencyKeys();
        modelBuilder.AddAuditTrail();

        modelBuilder.Entity<PayableOrder>(order =>
        {
            order.ToTable("payable_orders");
            order.HasKey(o => o.OrderId);
            order.Property(o => o.OrderId).ValueGeneratedNever();
            order.Property(o => o.Total).HasPrecision(10, 2);
            order.Ignore(o => o.IsPaid);
            order.Ignore(o => o.IsClosed);
            order.Property(o => o.ClosedStatus).HasMaxLength(16);
            order.Property(o => o.CloseReason).HasMaxLength(CloseOrderRequest.MaxReasonLength);
            order.Property(o => o.Version).IsRowVersion();
        });

        modelBuilder.Entity<Payment>(payment =>
        {
            payment.ToTable("payments");
            payment.HasKey(p => p.PaymentId);
            payment.Property(p => p.PaymentId).ValueGeneratedNever();
            payment.Property(p => p.Total).HasPrecision(10, 2);
            payment.Property(p => p.AmountPaid).HasPrecision(10, 2);
            payment.Property(p => p.Change).HasPrecision(10, 2);
            payment.HasIndex(p => p.OrderId).IsUnique().HasDatabaseName(OnePaymentPerOrder);
            payment.HasIndex(p => p.InvoiceNumber).IsUnique().HasDatabaseName(OneInvoicePerNumber);
            // The day's sales report reads payments by time.
            payment.HasIndex(p => p.PaidAt);
            foreach (var amount in new[] { nameof(Payment.VatableSales), nameof(Payment.Vat), nameof(Payment.VatExemptSales),
                         nameof(Payment.ZeroRatedSales), nameof(Payment.Discount), nameof(Payment.AmountDue) })
            {
                payment.Property<decimal>(amount).HasPrecision(10, 2);
            }
            payment.Property(p => p.DiscountKind).HasMaxLength(16);
            payment.Ignore(p => p.InvoiceText);
            payment.OwnsMany(p => p.Holders, holder =>
            {
                holder.ToTable("payment_discount_holders");
                holder.WithOwner().HasForeignKey("PaymentId");
                holder.HasKey("PaymentId", nameof(DiscountHolder.Position));
                holder.Property(h => h.Position).ValueGeneratedNever();
                holder.Property(h => h.Name).HasMaxLength(DiscountHolder.MaxNameLength);
                holder.Property(h => h.IdNumber).HasMaxLength(DiscountHolder.MaxIdNumberLength);
            });
            payment.Navigation(p => p.Holders).UsePropertyAccessMode(PropertyAccessMode.Field);
            payment.HasOne<PayableOrder>().WithOne().HasForeignKey<Payment>(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<SalesInvoiceCounter>(counter =>
        {
            counter.ToTable("sales_invoice_counters");
            counter.HasKey(c => c.Id);
            counter.Property(c => c.Id).ValueGeneratedNever();
            counter.Property(c => c.Version).IsRowVersion();
            counter.HasData(new { Id = SalesInvoiceCounter.StoreRow, LastNumber = 0L });
        });

        modelBuilder.Entity<ZReading>(z =>
        {
            z.ToTable("z_readings");
            // One reading per day, one day per Z number: closes that race leave exactly one row.
            z.HasKey(r => r.BusinessDay);
            z.HasIndex(r => r.ZNumber).IsUnique().HasDatabaseName("ux_z_readings_z_number");
            foreach (var amount in new[] { nameof(ZReading.GrossSales), nameof(ZReading.VatableSales), nameof(ZReading.Vat),
                         nameof(ZReading.VatExemptSales), nameof(ZReading.ZeroRatedSales), nameof(ZReading.SeniorDiscountAmount),
                         nameof(ZReading.PwdDiscountAmount), nameof(ZReading.TotalDiscount), nameof(ZReading.NetSales),
                         nameof(ZReading.CashExpected) })
            {
                z.Property<decimal>(amount).HasPrecision(10, 2);
            }
            // The grand total never resets: room for decades of sales.
            z.Property(r => r.GrandTotalBefore).HasPrecision(18, 2);
            z.Property(r => r.GrandTotalAfter).HasPrecision(18, 2);
            z.Property(r => r.FirstInvoiceNumber).HasMaxLength(16);
            z.Property(r => r.LastInvoiceNumber).HasMaxLength(16);
            z.Property(r => r.SalesPerHour).HasColumnType("jsonb");
        });
    }
}
