using System.Text;
using OpenTelemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// Publishes outbox rows in write order, each confirmed by the broker before it is marked sent. Rows left unsent by a
/// crash or an outage are picked up at the next start or poll: nothing is lost, at worst a row is sent twice.
/// <para>
/// Replicas: every round runs under an <see cref="OutboxRelayLease"/> (a PostgreSQL advisory lock), so one replica at a
/// time reads and publishes the service's outbox. That is the simplest design that keeps both promises at once: no row
/// is published by two replicas, and rows of one key leave in commit order whichever replica committed them. A replica
/// woken by its own commit waits for the lease (the holder's round lasts milliseconds) and then publishes, so the event
/// does not wait for the poll. A replica that dies mid-round loses the lease with its connection; the row it was
/// publishing may then be sent once more by the next holder, and consumers drop the duplicate.
/// </para>
/// <para>
/// Failures: a failed row is retried with backoff, and later rows with the same key wait for it. A broker outage ends the
/// round at once (every row would wait out the same timeout). A failure of the row itself (see
/// <see cref="OutboxPublishFailure"/>) holds only its key and the round goes on; after
/// <see cref="OutboxRelayOptions.MaxAttempts"/> such failures the row is parked until staff retry it. Later rows of a
/// parked row's key stay behind it: the order's events must arrive in order (a PAYMENT_CONFIRMED before its
/// ORDER_CREATED would be refused), and the staff retry releases them all.
/// </para>
/// </summary>
internal sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    KafkaEventPublisher publisher,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<OutboxRelayOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(3);

    // Built once per context type from its model (OutboxQuery).
    private static string? _nextRowsSql;

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
        _nextRowsSql ??= OutboxQuery.NextRows(db, BatchSize);
        OutboxRelayLease? lease;
        List<OutboxMessage> batch;
        // The poll runs every few seconds; traced, it would flood the dashboard with empty database spans.
        using (SuppressInstrumentationScope.Begin())
        {
            (lease, batch) = await OutboxRelayLease.TryAcquireAndReadAsync(
                db, LeaseWait, _nextRowsSql, OutboxQuery.ReadRow, cancellationToken);
        }
        if (lease is null)
        {
            // Another replica has been relaying all along; it sees our rows too.
            return 0;
        }

        // Released however the round ends: a lock left on a pooled connection would stop every replica's relay.
        await using (lease)
        {
            // Tracked from here, so the round's one save writes what happened to each row.
            db.AttachRange(batch);
            return await PublishAsync(db, batch, new OutboxRound([], clock.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>
    /// Publishes the round's rows, one lane per key: a key's rows go one after the other, each only once the broker has
    /// acknowledged the one before, while different keys' lanes go at the same time (a round costs about one broker
    /// round trip, not one per row). The outcome of every row is saved in one write at the end of the round.
    /// </summary>
    private async Task<int> PublishAsync(TContext db, List<OutboxMessage> batch, OutboxRound round, CancellationToken cancellationToken)
    {
        var published = 0;
        var brokerAway = false;
        await Task.WhenAll(round.Lanes(batch).Select(async lane =>
        {
            foreach (var message in lane)
            {
                // A row once started is finished, even when the service is stopping (the producer's timeout bounds it);
                // a stop or an outage only keeps the lane's next rows from starting.
                if (cancellationToken.IsCancellationRequested || Volatile.Read(ref brokerAway))
                {
                    return;
                }
                try
                {
                    await publisher.PublishAsync(
                        message.Topic, message.Key, Encoding.UTF8.GetBytes(message.Payload),
                        KafkaTelemetry.ParentFrom(message.ReadTraceContext()), cancellationToken: CancellationToken.None);
                    message.MarkSent(clock.GetUtcNow());
                    Interlocked.Increment(ref published);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var rowSpecific = OutboxPublishFailure.IsRowSpecific(ex);
                    RecordFailure(message, ex, rowSpecific);
                    if (!rowSpecific)
                    {
                        // The broker is most likely away: start no more rows rather than wait out a timeout for each.
                        Volatile.Write(ref brokerAway, true);
                    }
                    // Later rows of this key wait for it.
                    return;
                }
            }
        }));

        // Saved once per round, whatever happened: a crash between publish and save re-sends this round's rows (the
        // consumers' inboxes drop the copies), never loses one.
        await SaveUntracedAsync(db, CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        return published;
    }

    private void RecordFailure(OutboxMessage message, Exception ex, bool rowSpecific)
    {
        var maxAttempts = Math.Max(1, options.Value.MaxAttempts);
        if (message.RecordFailure(ex.Message, rowSpecific, clock.GetUtcNow(), maxAttempts))
        {
            OutboxTelemetry.RecordParked(message.Topic);
            logger.LogError(ex,
                "Parked outbox row {Id}: {EventType} {EventId} to {Topic} failed {Attempts} times; later events with key {Key} wait until staff retry it",
                message.Id, message.EventType, message.EventId, message.Topic, message.Attempts, message.Key);
            return;
        }

        logger.LogWarning("Publishing {EventType} {EventId} to {Topic} failed (attempt {Attempts}): {Error}",
            message.EventType, message.EventId, message.Topic, message.Attempts, ex.Message);
    }

    /// <summary>The relay's bookkeeping is not part of any request's story; the publish span is.</summary>
    private static async Task SaveUntracedAsync(TContext db, CancellationToken cancellationToken)
    {
        using var _ = SuppressInstrumentationScope.Begin();
        await db.SaveChangesAsync(cancellationToken);
    }
}
