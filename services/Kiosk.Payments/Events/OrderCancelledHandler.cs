namespace Kiosk.Payments.Events;

/// <summary>
/// Records an order that ended unpaid (ORDER_CANCELLED: CANCELLED or EXPIRED) as closed here, so a later payment is refused
/// from payments' own data, even for an order whose ORDER_CREATED has not arrived. The order service closes the order here
/// before it publishes, so this is usually a repeat: closing twice changes nothing. The consumer saves the change.
/// </summary>
public sealed class OrderCancelledHandler(PaymentsDbContext db, TimeProvider clock, ILogger<OrderCancelledHandler> logger)
    : IIntegrationEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled @event, CancellationToken cancellationToken)
    {
        if (@event.OrderId == Guid.Empty)
        {
            throw new InvalidEventException($"ORDER_CANCELLED event {@event.EventId} has no order id.");
        }
        if (@event.Status is not (StoreDayEnd.Cancelled or StoreDayEnd.Expired))
        {
            throw new InvalidEventException(
                $"ORDER_CANCELLED event {@event.EventId} has status '{@event.Status}'; expected {StoreDayEnd.Cancelled} or {StoreDayEnd.Expired}.");
        }

        var reason = @event.Reason is { Length: > CloseOrderRequest.MaxReasonLength } text ? text[..CloseOrderRequest.MaxReasonLength] : @event.Reason;
        var order = await db.PayableOrders.SingleOrDefaultAsync(o => o.OrderId == @event.OrderId, cancellationToken);
        if (order is null)
        {
            // Kept closed, so its late ORDER_CREATED (a no-op for a known order) cannot reopen it.
            db.PayableOrders.Add(PayableOrder.ClosedBeforeCreated(@event.OrderId, @event.OrderNumber, Money.Round(@event.Total ?? 0m),
                @event.CreatedAt ?? @event.CancelledAt, @event.Status, reason, clock.GetUtcNowForDatabase()));
        }
        else if (!order.Close(@event.Status, reason, clock.GetUtcNowForDatabase()))
        {
            // Cannot happen while the order service asks payments first; the cash taken stands, so say so and move on.
            logger.LogWarning("ORDER_CANCELLED for order #{OrderNumber} ({OrderId}), which payments has as paid; the payment stands",
                order.OrderNumber, order.OrderId);
        }
    }
}
