namespace Kiosk.Orders.Data;

/// <summary>
/// A new order as SQL for the checkout's batch (<see cref="Events.CartCheckoutHandler"/>): the day's counter, the order
/// and its items, with the columns of <see cref="OrdersDbContext"/>'s mapping.
/// </summary>
public static class NewOrderRows
{
    public static void AddNewOrder(this SqlEventBatch batch, Order order, DailyOrderCounter counter)
    {
        // The counter only moves forward. Its number is not checked here: the unique index on (business day, order
        // number) refuses a number another replica took meanwhile, which rolls back the batch for a retry with the
        // counter read again.
        var (counters, day, last) = (
            batch.Table<DailyOrderCounter>(),
            batch.Column<DailyOrderCounter>(nameof(DailyOrderCounter.BusinessDay)),
            batch.Column<DailyOrderCounter>(nameof(DailyOrderCounter.LastNumber)));
        batch.Insert<DailyOrderCounter>(
            [(nameof(DailyOrderCounter.BusinessDay), counter.BusinessDay), (nameof(DailyOrderCounter.LastNumber), counter.LastNumber)],
            suffix: $"ON CONFLICT ({day}) DO UPDATE SET {last} = GREATEST({counters}.{last}, EXCLUDED.{last})");

        batch.Insert<Order>(
        [
            (nameof(Order.Id), order.Id),
            (nameof(Order.OrderNumber), order.OrderNumber),
            (nameof(Order.BusinessDay), order.BusinessDay),
            (nameof(Order.Status), order.Status.ToText()),
            (nameof(Order.DiningOption), order.DiningOption),
            (nameof(Order.CartId), order.CartId),
            (nameof(Order.Total), order.Total),
            (nameof(Order.CreatedAt), order.CreatedAt),
        ]);

        foreach (var item in order.Items)
        {
            batch.Insert<OrderItem>(
            [
                ("OrderId", order.Id),
                (nameof(OrderItem.LineNumber), item.LineNumber),
                (nameof(OrderItem.MenuItemId), item.MenuItemId),
                (nameof(OrderItem.Name), item.Name),
                (nameof(OrderItem.UnitPrice), item.UnitPrice),
                (nameof(OrderItem.Quantity), item.Quantity),
                (nameof(OrderItem.Choices), JsonListConversion.Serialize(item.Choices)),
                (nameof(OrderItem.Note), item.Note),
            ]);
        }
    }
}
