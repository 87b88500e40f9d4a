using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// The one idempotent way a message is handled, by the consumer and by a dead-letter replay alike: inbox check, handler,
/// inbox row, all in one transaction.
/// </summary>
internal sealed class InboxHandling<TContext>(
    ConsumerRegistration<TContext> registration,
    IServiceScopeFactory scopes,
    TimeProvider clock,
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

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (await db.Set<ProcessedEvent>().AnyAsync(p => p.EventId == @event.EventId && p.ConsumerGroup == group, cancellationToken))
        {
            logger.LogInformation("Skipping {Topic} event {EventId}: already processed by {Group}", message.Topic, @event.EventId, group);
            return Duplicate;
        }

        await handler.Invoke(scope.ServiceProvider, @event, cancellationToken);
        db.Add(new ProcessedEvent
        {
            EventId = @event.EventId,
            ConsumerGroup = group,
            Topic = message.Topic,
            ProcessedAt = clock.GetUtcNow(),
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation("PK_processed_events"))
        {
            // A concurrent delivery of the same event committed first.
            return Duplicate;
        }
        return Handled;
    }
}
