namespace Kiosk.Orders.Expiry;

/// <summary>
/// Expires the PENDING orders whose business day has ended (<see cref="StoreDayEnd"/>): payments refuses their cash first,
/// then each becomes EXPIRED with an ORDER_CANCELLED. Safe beside a second replica doing the same: payments' close is
/// idempotent and the order's concurrency token lets one replica commit each order.
/// </summary>
public sealed class OrderExpirySweep(IServiceScopeFactory scopes, StoreDayEnd dayEnd, TimeProvider clock, ILogger<OrderExpirySweep> logger)
{
    /// <returns>How many orders this run expired.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var payments = scope.ServiceProvider.GetRequiredService<PaymentsClient>();

        // Days end at most once a day, so the open days before today are few; each is checked against its own day end.
        var now = clock.GetUtcNow();
        var today = dayEnd.Calendar.DayOf(now);
        var candidateDays = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Pending && o.BusinessDay <= today)
            .Select(o => o.BusinessDay).Distinct().ToListAsync(cancellationToken);
        var endedDays = candidateDays.Where(day => dayEnd.HasEnded(day, now)).ToList();

        var expired = 0;
        foreach (var order in await db.Orders
                     .Where(o => o.Status == OrderStatus.Pending && endedDays.Contains(o.BusinessDay))
                     .OrderBy(o => o.CreatedAt).ToListAsync(cancellationToken))
        {
            if (await payments.CloseAsync(order, StoreDayEnd.Expired, null, cancellationToken) != CloseOutcome.Closed)
            {
                // Paid first (its PAYMENT_CONFIRMED is on its way) or payments is away: the next run decides.
                continue;
            }
            try
            {
                await OrderCancellation.EndUnpaidAsync(db, order, StoreDayEnd.Expired, null, clock, cancellationToken);
                expired++;
                logger.LogInformation("Order #{OrderNumber} of {BusinessDay} ({OrderId}) expired unpaid", order.OrderNumber, order.BusinessDay, order.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another replica expired it meanwhile.
                db.ChangeTracker.Clear();
            }
        }
        return expired;
    }
}

/// <summary>Runs <see cref="OrderExpirySweep"/> every <c>Kiosk:OrderExpiry:IntervalSeconds</c> (default 60).</summary>
public sealed class OrderExpiryService(OrderExpirySweep sweep, IConfiguration configuration, ILogger<OrderExpiryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Kiosk:OrderExpiry:IntervalSeconds", 60));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await sweep.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Expiring the orders of ended business days failed; retrying in {Interval}", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
