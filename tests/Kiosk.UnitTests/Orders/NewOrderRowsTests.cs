using Kiosk.Messaging.EntityFrameworkCore;
using Kiosk.Orders.Data;
using Kiosk.Orders.Domain;
using Kiosk.UnitTests.Messaging;

namespace Kiosk.UnitTests.Orders;

public sealed class NewOrderRowsTests
{
    private static readonly DateOnly Day = new(2026, 12, 2);

    [Fact]
    public void A_new_order_writes_every_required_column_of_its_counter_order_and_items()
    {
        using var db = new OrdersDbContextFactory().CreateDbContext([]);
        var batch = new SqlEventBatch(db);
        var counter = new DailyOrderCounter(Day);
        var order = Order.Create(Guid.NewGuid(), counter.Next(), Day, "DINE_IN", Guid.NewGuid(),
            [new OrderItem(1, 601, "1-pc Chickenjoy Meal with Drink", 200.00m, 1, [new OrderItemChoice(9112, "Large drink", 20.00m)], "no ice"),
             new OrderItem(2, 201, "Yumburger", 45.00m, 2)],
            DateTimeOffset.UtcNow);

        batch.AddNewOrder(order, counter);

        SqlWrites.AssertWritesEveryRequiredColumn<DailyOrderCounter>(db, batch.Commands);
        SqlWrites.AssertWritesEveryRequiredColumn<Order>(db, batch.Commands);
        SqlWrites.AssertWritesEveryRequiredColumn<OrderItem>(db, batch.Commands);
        // The counter, the order and one insert per line; every placeholder has its value.
        Assert.Equal(4, batch.Commands.Count);
        Assert.All(batch.Commands, c => Assert.Contains($"${c.Parameters.Count})", c.CommandText, StringComparison.Ordinal));
    }
}
