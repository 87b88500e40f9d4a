using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Kiosk.Contracts;
using Kiosk.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kiosk.ServiceDefaults.Messaging;

/// <summary>
/// Consumes a service's topics one message at a time. Each message is handled in one database transaction together with
/// its inbox row (a redelivery is skipped), and its offset is committed only after that transaction. A message that
/// cannot be parsed, or fails <see cref="MaxAttempts"/> times, is parked on <c>{topic}.DLT</c> with the error in its
/// headers and consumption goes on. Infrastructure outages (database, network) are retried without giving up.
/// </summary>
internal sealed class EventConsumer<TContext>(
    ConsumerConfig config,
    EventConsumerOptions options,
    IServiceScopeFactory scopes,
    KafkaEventPublisher publisher,
    TimeProvider clock,
    ILogger<EventConsumer<TContext>> logger) : BackgroundService where TContext : DbContext
{
    internal const int MaxAttempts = 3;
    private const int MaxConflictRetries = 10;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private string Group => config.GroupId;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Consume() blocks; keep it off the start-up path and off the request thread pool's hot path.
        Task.Factory.StartNew(() => RunAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(config)
            .SetLogHandler((_, message) => KafkaLogging.Log(logger, message))
            .SetErrorHandler((_, error) => KafkaLogging.Error(logger, error))
            .SetPartitionsAssignedHandler((_, partitions) =>
                logger.LogInformation("Consumer group {Group} assigned {Partitions}", Group, string.Join(", ", partitions)))
            .Build();
        consumer.Subscribe(options.Handlers.Keys);
        logger.LogInformation("Consumer group {Group} subscribed to {Topics}", Group, string.Join(", ", options.Handlers.Keys));

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                ConsumeResult<string, byte[]>? result;
                try
                {
                    result = consumer.Consume(stoppingToken);
                }
                catch (ConsumeException ex) when (!ex.Error.IsFatal)
                {
                    // e.g. a topic that does not exist yet: the broker may still be creating it.
                    logger.LogWarning("Consume failed for group {Group}: {Reason}", Group, ex.Error.Reason);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                    continue;
                }

                if (result?.Message is null)
                {
                    continue;
                }

                await ProcessAsync(result, stoppingToken);
                consumer.Commit(result);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            consumer.Close();
        }
    }

    private async Task ProcessAsync(ConsumeResult<string, byte[]> result, CancellationToken stoppingToken)
    {
        using var activity = KafkaTelemetry.StartProcess(result, Group);
        var started = Stopwatch.GetTimestamp();
        var outcome = "handled";

        var conflicts = 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                outcome = await HandleOnceAsync(result, stoppingToken);
                break;
            }
            catch (DbUpdateException ex) when (IsWriteConflict(ex) && ++conflicts <= MaxConflictRetries && !stoppingToken.IsCancellationRequested)
            {
                // Another instance changed the same rows (e.g. took the same order number): a fresh try sees its work.
                attempt--;
                logger.LogInformation("{Topic} message at offset {Offset} lost a write race ({Conflicts}); retrying",
                    result.Topic, result.Offset.Value, conflicts);
                await Task.Delay(Backoff(conflicts), stoppingToken);
            }
            catch (InvalidEventException ex)
            {
                outcome = "dead-lettered";
                await DeadLetterAsync(result, ex, stoppingToken);
                break;
            }
            catch (Exception ex) when (IsTransient(ex) && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "{Topic} message at offset {Offset} hit a transient failure (attempt {Attempt}); retrying",
                    result.Topic, result.Offset.Value, attempt);
                await Task.Delay(Backoff(attempt), stoppingToken);
            }
            catch (Exception ex) when (attempt < MaxAttempts && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "{Topic} message at offset {Offset} failed (attempt {Attempt} of {Max})",
                    result.Topic, result.Offset.Value, attempt, MaxAttempts);
                await Task.Delay(Backoff(attempt), stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                outcome = "dead-lettered";
                await DeadLetterAsync(result, ex, stoppingToken);
                break;
            }
        }

        activity?.SetTag("kiosk.outcome", outcome);
        KafkaTelemetry.RecordProcessed(result.Topic, Group, Stopwatch.GetElapsedTime(started), outcome);
    }

    /// <returns>"handled", or "duplicate" when this consumer group already processed the event.</returns>
    private async Task<string> HandleOnceAsync(ConsumeResult<string, byte[]> result, CancellationToken cancellationToken)
    {
        var handler = options.Handlers[result.Topic];
        var @event = handler.Deserialize(result.Message.Value ?? []);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (await db.Set<ProcessedEvent>().AnyAsync(p => p.EventId == @event.EventId && p.ConsumerGroup == Group, cancellationToken))
        {
            logger.LogInformation("Skipping {Topic} event {EventId}: already processed by {Group}", result.Topic, @event.EventId, Group);
            return "duplicate";
        }

        await handler.Invoke(scope.ServiceProvider, @event, cancellationToken);
        db.Add(new ProcessedEvent
        {
            EventId = @event.EventId,
            ConsumerGroup = Group,
            Topic = result.Topic,
            ProcessedAt = clock.GetUtcNow(),
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
                                           && pg.TableName == "processed_events")
        {
            // A concurrent delivery of the same event committed first.
            return "duplicate";
        }
        return "handled";
    }

    private async Task DeadLetterAsync(ConsumeResult<string, byte[]> result, Exception error, CancellationToken stoppingToken)
    {
        logger.LogError(error, "Parking {Topic} message at partition {Partition} offset {Offset} on {DeadLetterTopic}",
            result.Topic, result.Partition.Value, result.Offset.Value, Topics.DeadLetterOf(result.Topic));

        var headers = new Headers();
        foreach (var header in result.Message.Headers ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }
        headers.Add("dlt.error.type", Encoding.UTF8.GetBytes(error.GetType().FullName ?? error.GetType().Name));
        headers.Add("dlt.error.message", Encoding.UTF8.GetBytes(error.Message));
        headers.Add("dlt.original.topic", Encoding.UTF8.GetBytes(result.Topic));
        headers.Add("dlt.original.partition", Encoding.UTF8.GetBytes(result.Partition.Value.ToString()));
        headers.Add("dlt.original.offset", Encoding.UTF8.GetBytes(result.Offset.Value.ToString()));
        headers.Add("dlt.consumer.group", Encoding.UTF8.GetBytes(Group));

        // The offset is committed only after the dead-letter copy is acknowledged, so even a poison message is never lost.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await publisher.PublishAsync(Topics.DeadLetterOf(result.Topic), result.Message.Key ?? string.Empty,
                    result.Message.Value ?? [], Activity.Current?.Context ?? default, headers, stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Dead-lettering to {Topic} failed (attempt {Attempt}); retrying", Topics.DeadLetterOf(result.Topic), attempt);
                await Task.Delay(Backoff(attempt), stoppingToken);
            }
        }
    }

    private static bool IsWriteConflict(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private static bool IsTransient(Exception ex) => ex switch
    {
        NpgsqlException { IsTransient: true } => true,
        TimeoutException or HttpRequestException => true,
        _ when ex.InnerException is not null => IsTransient(ex.InnerException),
        _ => false,
    };

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(attempt, 10))));
}
