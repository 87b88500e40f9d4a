using System.Text;
using OpenTelemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.ServiceDefaults.Messaging;

/// <summary>
/// Publishes outbox rows in write order, each confirmed by the broker before it is marked sent. A failed row is retried
/// with backoff, and later rows with the same key wait for it, so per-order ordering holds. Rows left unsent by a crash
/// or an outage are picked up at the next start or poll: nothing is lost, at worst a row is sent twice.
/// </summary>
internal sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    KafkaEventPublisher publisher,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch sent means more may be waiting: go again at once.
                if (await PublishPendingAsync(stoppingToken) == BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly away; the rows are still there for the next round.
                logger.LogWarning(ex, "Outbox relay round failed; retrying");
            }

            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>How many rows were published.</returns>
    internal async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow();
        List<OutboxMessage> batch;
        // The poll runs every few seconds; traced, it would flood the dashboard with empty database spans.
        using (SuppressInstrumentationScope.Begin())
        {
            batch = await db.Set<OutboxMessage>()
                .Where(m => m.SentAt == null)
                .OrderBy(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        var blockedKeys = new HashSet<string>();
        var published = 0;
        foreach (var message in batch)
        {
            if (message.NextAttemptAt > now || blockedKeys.Contains(message.Key))
            {
                // Keep per-key order: nothing overtakes an earlier event for the same order.
                blockedKeys.Add(message.Key);
                continue;
            }

            try
            {
                await publisher.PublishAsync(
                    message.Topic, message.Key, Encoding.UTF8.GetBytes(message.Payload),
                    KafkaTelemetry.ParentFrom(message.ReadTraceContext()), cancellationToken: cancellationToken);
                message.SentAt = clock.GetUtcNow();
                message.LastError = null;
                published++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = ex.Message;
                message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts);
                logger.LogWarning("Publishing {EventType} {EventId} to {Topic} failed (attempt {Attempts}): {Error}",
                    message.EventType, message.EventId, message.Topic, message.Attempts, ex.Message);
                await SaveUntracedAsync(db, cancellationToken);
                // The broker is most likely away: end the round rather than wait out a timeout for every row.
                break;
            }

            // Saved per row: a crash between publish and save re-sends one event, never loses one.
            await SaveUntracedAsync(db, cancellationToken);
        }

        return published;
    }

    /// <summary>The relay's bookkeeping is not part of any request's story; the publish span is.</summary>
    private static async Task SaveUntracedAsync(TContext db, CancellationToken cancellationToken)
    {
        using var _ = SuppressInstrumentationScope.Begin();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(attempts, 10))));
}
