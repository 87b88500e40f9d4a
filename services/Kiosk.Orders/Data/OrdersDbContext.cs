namespace Kiosk.Orders.Data;

public sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : DbContext(options)
{
    private readonly OrderStatusAnnouncements _statusAnnouncements = new();

    public DbSet<Order> Orders => Set<Order>();
    public DbSet<DailyOrderCounter> DailyOrderCounters => Set<DailyOrderCounter>();

    /// <summary>
    /// Whether the order exists, and the day's order counter (untracked: the checkout's SQL batch writes it; null before
    /// the day's first order), in one round trip: what a checkout event needs before it can become an order.
    /// </summary>
    public async Task<(bool OrderExists, DailyOrderCounter? Counter)> FindOrderAndDayCounterAsync(
        Guid orderId, DateOnly day, CancellationToken cancellationToken)
    {
        var row = await FindDayCounterAndOrder(this, day, orderId, cancellationToken);
        return row is null
            ? (await Orders.AnyAsync(o => o.Id == orderId, cancellationToken), null)
            : (row.OrderExists, row.Counter);
    }

    // Read once per order on the way from the checkout to the customer's number: compiled once, so each read skips
    // building the LINQ expression and looking it up in EF's query cache.
    private static readonly Func<OrdersDbContext, DateOnly, Guid, CancellationToken, Task<CounterAndOrder?>> FindDayCounterAndOrder =
        EF.CompileAsyncQuery((OrdersDbContext db, DateOnly day, Guid orderId, CancellationToken _) =>
            db.DailyOrderCounters.AsNoTracking()
                .Where(c => c.BusinessDay == day)
                .Select(c => new CounterAndOrder(c, db.Orders.Any(o => o.Id == orderId)))
                .SingleOrDefault());

    private sealed record CounterAndOrder(DailyOrderCounter Counter, bool OrderExists);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>(order =>
        {
            order.ToTable("orders");
            order.HasKey(o => o.Id);
            // Decided at checkout by the cart service, never by the database.
            order.Property(o => o.Id).ValueGeneratedNever();
            order.Property(o => o.Status)
                .HasConversion(status => status.ToText(), text => OrderStatusText.Parse(text))
                .HasMaxLength(16);
            order.Property(o => o.DiningOption).HasMaxLength(16);
            order.Property(o => o.Total).HasPrecision(10, 2);
            order.Property(o => o.CancelReason).HasMaxLength(CancelOrderRequest.MaxReasonLength);
            order.Property(o => o.Version).IsRowVersion();
            // The database itself refuses a number handed out twice on one day.
            order.HasIndex(o => new { o.BusinessDay, o.OrderNumber }).IsUnique();
            // The staff queue: orders in one status, oldest first.
            order.HasIndex(o => new { o.Status, o.CreatedAt });

            order.OwnsMany(o => o.Items, item =>
            {
                item.ToTable("order_items");
                item.WithOwner().HasForeignKey("OrderId");
                item.HasKey("OrderId", nameof(OrderItem.LineNumber));
                item.Property(i => i.LineNumber).ValueGeneratedNever();
                item.Property(i => i.Name).HasMaxLength(100);
                item.Property(i => i.UnitPrice).HasPrecision(10, 2);
                item.Property(i => i.Note).HasMaxLength(CartCheckoutRules.MaxNoteLength);
                item.Property(i => i.Choices).HasJsonListConversion();
            });
            order.Navigation(o => o.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<DailyOrderCounter>(counter =>
        {
            counter.ToTable("daily_order_counters");
            counter.HasKey(c => c.BusinessDay);
            counter.Property(c => c.Version).IsRowVersion();
        });

        modelBuilder.AddOutbox().AddInbox();
        modelBuilder.AddAuditTrail();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        _statusAnnouncements.QueueFor(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        _statusAnnouncements.QueueFor(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
