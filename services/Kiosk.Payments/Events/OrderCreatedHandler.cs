namespace Kiosk.Payments.Events;

/// <summary>Opens one pending entry per new order, so the cashier can take its cash.</summary>
public sealed class OrderCreatedHandler(PaymentsDbContext db) : IIntegrationEventHandler<OrderCreated>
{
    public async Task HandleAsync(OrderCreated @event, CancellationToken cancellationToken)
    {
        if (@event.Id == Guid.Empty)
        {
            throw new InvalidEventException($"ORDER_CREATED event {@event.EventId} has no order id.");
        }
        if (@event.Total is < 0 or > Cash.MaxAmount || Money.Round(@event.Total) != @event.Total)
        {
            throw new InvalidEventException(
                $"ORDER_CREATED event {@event.EventId} has total {@event.Total}, which is not an amount in pesos and centavos.");
        }

        // The inbox skips a redelivered event; this also keeps one entry when an order is announced under a second event id,
        // and makes the event a no-op for an order a payment already fetched from the order service, even one whose insert
        // is not committed yet. The row is written at once, outside the inbox's save: writing it twice changes nothing.
        await db.RecordPayableOrderAsync(@event.Id, @event.OrderNumber, @event.Total, @event.CreatedAt, cancellationToken);
    }
}
