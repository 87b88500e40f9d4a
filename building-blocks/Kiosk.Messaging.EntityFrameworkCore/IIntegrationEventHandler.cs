using Kiosk.Contracts.Events;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// Handles one consumed event. The handler changes entities on its service's DbContext but does not call SaveChanges:
/// the consumer saves the handler's changes, its outbox rows and the processed-event record in one transaction.
/// </summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent @event, CancellationToken cancellationToken);
}
