using Kiosk.Contracts.Events;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// Handles one consumed event by adding SQL commands to a <see cref="SqlEventBatch"/> instead of changing entities. The
/// consumer appends the inbox row and sends the batch, which PostgreSQL runs as one transaction in one round trip, where
/// a SaveChanges takes two (the statements, then COMMIT) and EF Core's change tracking around them. Meant for the few
/// events on a customer's critical path. Every command must fail on a conflict (a primary key, a unique index): no
/// concurrency token is checked once the batch has committed.
/// </summary>
public interface ISqlIntegrationEventHandler<in TEvent> where TEvent : IIntegrationEvent
{
    /// <summary>May read through the service's DbContext; writes only by adding to <paramref name="batch"/>.</summary>
    Task HandleAsync(TEvent @event, SqlEventBatch batch, CancellationToken cancellationToken);
}
