using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// Keeps the outbox and inbox from growing forever: at start-up and then hourly it deletes outbox rows sent more than
/// <see cref="SentOutboxRetention"/> ago and inbox rows older than <see cref="InboxRetention"/>. Unsent rows are never touched.
/// </summary>
internal sealed class MessagingTableCleanup<TContext>(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<MessagingTableCleanup<TContext>> logger)
    : BackgroundService where TContext : DbContext
{
    internal static readonly TimeSpan SentOutboxRetention = TimeSpan.FromDays(7);

    /// <summary>Longer than a topic's usual retention (7 days), so a redelivered old message is still recognised.</summary>
    internal static readonly TimeSpan InboxRetention = TimeSpan.FromDays(30);

    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Pruning the outbox and inbox failed; trying again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        // Housekeeping is not part of any customer's trace.
        using var _ = SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow();

        var sentBefore = now - SentOutboxRetention;
        var outbox = await db.Set<OutboxMessage>().Where(m => m.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken);

        var inbox = 0;
        if (db.Model.FindEntityType(typeof(ProcessedEvent)) is not null)
        {
            var processedBefore = now - InboxRetention;
            inbox = await db.Set<ProcessedEvent>().Where(p => p.ProcessedAt < processedBefore).ExecuteDeleteAsync(cancellationToken);
        }

        if (outbox + inbox > 0)
        {
            logger.LogInformation("Pruned {Outbox} sent outbox rows and {Inbox} inbox rows", outbox, inbox);
        }
    }
}
