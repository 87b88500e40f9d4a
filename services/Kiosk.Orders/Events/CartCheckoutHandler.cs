namespace Kiosk.Orders.Events;

/// <summary>
/// Turns a checkout into a PENDING order with the day's next number, and announces it on ORDER_CREATED and
/// ORDER_STATUS_CHANGED. The order is on the customer's way from the checkout to seeing their number, so it is written
/// as one SQL batch with the counter, the outbox rows and the inbox row: one round trip and one commit.
/// </summary>
public sealed class CartCheckoutHandler(
    OrdersDbContext db, StoreCalendar calendar, TimeProvider clock, ILogger<CartCheckoutHandler> logger)
    : ISqlIntegrationEventHandler<CartCheckout>
{
    public async Task HandleAsync(CartCheckout @event, SqlEventBatch batch, CancellationToken cancellationToken)
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
        counter ??= new DailyOrderCounter(day);

        var items = @event.Items.Select((item, index) => new OrderItem(
            index + 1, item.MenuItemId, item.Name.Trim(), item.Price, item.Quantity,
            [.. (item.Choices ?? []).Select(c => new OrderItemChoice(c.ChoiceId, c.Name.Trim(), c.PriceDelta))], item.Note));
        var order = Order.Create(
            @event.OrderId, counter.Next(), day, DiningOptions.Normalize(@event.DiningOption)!, @event.CartId, items, now);
        batch.AddNewOrder(order, counter);

        batch.AddIntegrationEvent(Topics.OrderCreated, key: order.Id.ToString(), new OrderCreated(
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
        // What OrderStatusAnnouncements adds to every save that creates an order: a batch has no SaveChanges to hook.
        batch.AddIntegrationEvent(Topics.OrderStatusChanged, key: order.Id.ToString(), OrderStatusAnnouncements.Of(order, previous: null));

        logger.LogInformation("Order #{OrderNumber} ({OrderId}) created for {Total}", order.OrderNumber, order.Id, order.Total);
    }
}
