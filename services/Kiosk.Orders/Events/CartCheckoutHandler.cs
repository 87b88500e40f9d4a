namespace Kiosk.Orders.Events;

/// <summary>
/// Turns a checkout into a PENDING order with the day's next number, and announces it on ORDER_CREATED. The consumer
/// saves the order, its items, the counter and the outbox row in one SaveChanges.
/// </summary>
public sealed class CartCheckoutHandler(
    OrdersDbContext db, StoreCalendar calendar, TimeProvider clock, ILogger<CartCheckoutHandler> logger)
    : IIntegrationEventHandler<CartCheckout>
{
    public async Task HandleAsync(CartCheckout @event, CancellationToken cancellationToken)
    {
        CartCheckoutRules.EnsureValid(@event);

        var now = clock.GetUtcNowForDatabase();
        var day = calendar.DayOf(now);
        var (orderExists, counter) = await db.FindOrderAndDayCounterAsync(@event.OrderId, day, cancellationToken);
        // The order id is the natural key: a second checkout event for the same order (a re-publish) adds nothing.
        if (orderExists)
        {
            logger.LogInformation("Order {OrderId} already exists; {Topic} event {EventId} ignored",
                @event.OrderId, Topics.CartCheckout, @event.EventId);
            return;
        }
        if (counter is null)
        {
            counter = new DailyOrderCounter(day);
            db.DailyOrderCounters.Add(counter);
        }

        var items = @event.Items.Select((item, index) => new OrderItem(
            index + 1, item.MenuItemId, item.Name.Trim(), item.Price, item.Quantity,
            [.. (item.Choices ?? []).Select(c => new OrderItemChoice(c.ChoiceId, c.Name.Trim(), c.PriceDelta))], item.Note));
        var order = Order.Create(
            @event.OrderId, counter.Next(), day, DiningOptions.Normalize(@event.DiningOption)!, @event.CartId, items, now);
        db.Orders.Add(order);

        db.AddIntegrationEvent(Topics.OrderCreated, key: order.Id.ToString(), new OrderCreated(
            EventId: Guid.CreateVersion7(),
            Id: order.Id,
            OrderNumber: order.OrderNumber,
            Status: order.Status.ToText(),
            Total: order.Total,
            DiningOption: order.DiningOption,
            CartId: order.CartId,
            CreatedAt: order.CreatedAt,
            Items: [.. order.Items.Select(i => new CartCheckoutItem(
                i.MenuItemId, i.Name, i.UnitPrice, i.Quantity,
                [.. i.Choices.Select(c => new LineChoice(c.Id, c.Name, c.PriceDelta))], i.Note))]));

        logger.LogInformation("Order #{OrderNumber} ({OrderId}) created for {Total}", order.OrderNumber, order.Id, order.Total);
    }
}
