namespace Kiosk.Cart.Expiry;

using Kiosk.Cart.Domain;
using Microsoft.Extensions.Options;
using OpenTelemetry;

/// <summary>
/// Deletes expired open carts and checked-out carts past their retention (their lines go with them), every
/// <see cref="CartExpiryOptions.SweepInterval"/>, in bounded batches.
/// </summary>
public sealed class CartSweep(
    IServiceScopeFactory scopes, IOptions<CartExpiryOptions> options, TimeProvider clock, ILogger<CartSweep> logger)
    : BackgroundService
{
    private readonly CartExpiryOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SweepInterval, clock);
        do
        {
            try
            {
                var pruned = await SweepAsync(stoppingToken);
                if (pruned > 0)
                {
                    logger.LogInformation("Pruned {Count} expired or retired carts", pruned);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Pruning carts failed; trying again in {Interval}", _options.SweepInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        // Housekeeping is not part of any customer's trace.
        using var _ = SuppressInstrumentationScope.Begin();
        var now = clock.GetUtcNow();
        var idleSince = now - _options.OpenCartIdle;
        var checkedOutBefore = now - _options.CheckedOutRetention;
        var total = 0;
        for (var batch = 0; batch < _options.MaxBatchesPerSweep; batch++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CartDbContext>();
            // The condition is checked again on each row as it is deleted: a cart changed meanwhile (its LastChangedAt
            // moved on) is left alone.
            var deleted = await db.Carts
                .Where(c => (c.Status == CartStatus.Open && c.LastChangedAt < idleSince)
                    || (c.Status == CartStatus.CheckedOut && c.CheckedOutAt < checkedOutBefore))
                .OrderBy(c => c.LastChangedAt)
                .Take(_options.BatchSize)
                .ExecuteDeleteAsync(cancellationToken);
            total += deleted;
            if (deleted < _options.BatchSize)
            {
                break;
            }
        }
        return total;
    }
}
