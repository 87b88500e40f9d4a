using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace Kiosk.Idempotency;

/// <summary>Deletes expired keys at start-up and then hourly, so the table holds about a day of keys.</summary>
internal sealed class IdempotencyKeyCleanup<TContext>(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyKeyCleanup<TContext>> logger)
    : BackgroundService where TContext : DbContext
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var pruned = await PruneAsync(stoppingToken);
                if (pruned > 0)
                {
                    logger.LogInformation("Pruned {Count} expired idempotency keys", pruned);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Pruning expired idempotency keys failed; trying again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        // Housekeeping is not part of any customer's trace.
        using var _ = SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        var now = clock.GetUtcNow();
        return await scope.ServiceProvider.GetRequiredService<TContext>().Set<IdempotencyRecord>()
            .Where(r => r.ExpiresAt <= now)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
