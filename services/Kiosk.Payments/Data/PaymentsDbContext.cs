using Kiosk.Idempotency;

namespace Kiosk.Payments.Data;

public sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options) : DbContext(options)
{
    /// <summary>The unique index that lets exactly one payment per order commit, however many cashiers press Pay.</summary>
    public const string OnePaymentPerOrder = "ux_payments_order_id";

    public DbSet<PayableOrder> PayableOrders => Set<PayableOrder>();
    public DbSet<Payment> Payments => Set<Payment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutbox().AddInbox().AddIdempotencyKeys();

        modelBuilder.Entity<PayableOrder>(order =>
        {
            order.ToTable("payable_orders");
            order.HasKey(o => o.OrderId);
            order.Property(o => o.OrderId).ValueGeneratedNever();
            order.Property(o => o.Total).HasPrecision(10, 2);
            order.Ignore(o => o.IsPaid);
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
            payment.HasOne<PayableOrder>().WithOne().HasForeignKey<Payment>(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
