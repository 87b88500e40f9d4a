namespace Kiosk.Orders.Events;

/// <summary>Marks the order PAID. A redelivered confirmation, or one for an order already completed, changes nothing.</summary>
public sealed class PaymentConfirmedHandler(OrdersDbContext db, ILogger<PaymentConfirmedHandler> logger)
    : IIntegrationEventHandler<PaymentConfirmed>
{
    public async Task HandleAsync(PaymentConfirmed @event, CancellationToken cancellationToken)
    {
        if (@event.OrderId == Guid.Empty || @event.PaidAt == default)
        {
            throw new InvalidEventException(
                $"{Topics.PaymentConfirmed} event {@event.EventId} has no order_id or no paid_at.");
        }

        // Payments only confirms orders it learnt of from ORDER_CREATED or from this service, so an unknown id means the checkout has not
        // reached this service yet: a matter of timing, which the consumer waits out (and parks only after a long while).
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == @event.OrderId, cancellationToken)
            ?? throw new EventNotReadyException(
                $"{Topics.PaymentConfirmed} event {@event.EventId} is for order {@event.OrderId}, which this service does not know yet.");

        if (order.Total != @event.Total)
        {
            logger.LogWarning("Payment {PaymentId} for order #{OrderNumber} covers a total of {PaidTotal}, but the order's total is {Total}",
                @event.PaymentId, order.OrderNumber, @event.Total, order.Total);
        }

        if (order.Status == OrderStatus.Pending)
        {
            logger.LogInformation("Order #{OrderNumber} ({OrderId}) paid by payment {PaymentId}", order.OrderNumber, order.Id, @event.PaymentId);
        }
        else
        {
            logger.LogInformation("Order #{OrderNumber} ({OrderId}) is already {Status}; payment {PaymentId} changes nothing",
                order.OrderNumber, order.Id, order.Status.ToText(), @event.PaymentId);
        }
        order.MarkPaid(@event.PaidAt);
    }
}
