using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// The one idempotent way a message is handled, by the consumer and by a dead-letter replay alike: the handler's changes
/// and the inbox row in one transaction, whose primary key turns a second delivery into a duplicate.
/// </summary>
internal sealed class InboxHandling<TContext>(
    ConsumerRegistration<TContext> registration,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    OutboxSignal outboxSignal,
    ILogger<InboxHandling<TContext>> logger) where TContext : DbContext
{
    public const string Handled = "handled";
    public const string Duplicate = "duplicate";

    /// <returns><see cref="Handled"/>, or <see cref="Duplicate"/> when this consumer group already processed the event.</returns>
    public async Task<string> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var group = registration.Group;
        if (!registration.Options.Handlers.TryGetValue(message.Topic, out var handler))
        {
            throw new Kiosk.Contracts.Events.InvalidEventException($"Consumer group {group} has no handler for topic {message.Topic}.");
        }
        var @event = handler.Deserialize(message.Value);

        // No inbox lookup first: a duplicate is rare, and every handler is idempotent by its own natural key, so the
        // inbox row's primary key in the same commit decides (one round trip fewer per message). A redelivered event's
        // save fails on that key (EF Core logs the failed command) and nothing of it is kept. Only when the handling
        // fails is the inbox asked whether the event was in fact done already (by an earlier or a concurrent delivery).
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            if (handler.WriteSql is { } writeSql)
            {
                var batch = new SqlEventBatch(db);
                await writeSql(scope.ServiceProvider, @event, batch, cancellationToken);
                batch.Insert<ProcessedEvent>(
                [
                    (nameof(ProcessedEvent.EventId), @event.EventId),
                    (nameof(ProcessedEvent.ConsumerGroup), group),
                    (nameof(ProcessedEvent.Topic), message.Topic),
                    (nameof(ProcessedEvent.ProcessedAt), clock.GetUtcNow()),
                ]);
                await batch.ExecuteAsync(cancellationToken);
                if (batch.HasOutboxRows)
                {
                    outboxSignal.Notify();
                }
                return Handled;
            }

            await handler.Invoke!(scope.ServiceProvider, @event, cancellationToken);
            db.Add(new ProcessedEvent
            {
                EventId = @event.EventId,
                ConsumerGroup = group,
                Topic = message.Topic,
                ProcessedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
            return Handled;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (!await AlreadyProcessedAsync(@event.EventId, group, cancellationToken))
            {
                throw;
            }
            logger.LogInformation("Skipping {Topic} event {EventId}: already processed by {Group}", message.Topic, @event.EventId, group);
            return Duplicate;
        }
    }

    /// <returns>Whether the inbox holds the event; false when it cannot be asked (the handling's own failure then stands).</returns>
    private async Task<bool> AlreadyProcessedAsync(Guid eventId, string group, CancellationToken cancellationToken)
    {
        try
        {
            // A context of its own: the failed one may hold half-applied changes.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            return await db.Set<ProcessedEvent>().AnyAsync(p => p.EventId == eventId && p.ConsumerGroup == group, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(ex, "Could not ask the inbox about event {EventId}", eventId);
            return false;
        }
    }
}
