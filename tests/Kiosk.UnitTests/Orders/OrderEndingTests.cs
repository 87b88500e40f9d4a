using Kiosk.Orders.Domain;

namespace Kiosk.UnitTests.Orders;

public sealed class OrderEndingTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static Order NewOrder() => Order.Create(
        Guid.NewGuid(), 5, new DateOnly(2026, 11, 25), "DINE_IN", Guid.NewGuid(), [new OrderItem(1, 101, "1-pc Chickenjoy with Rice", 99m, 1)], CreatedAt);

    [Fact]
    public void A_pending_order_can_be_cancelled_with_its_reason()
    {
        var order = NewOrder();

        order.Cancel("Customer left", CreatedAt.AddMinutes(5));

        Assert.Equal((OrderStatus.Cancelled, "Customer left", CreatedAt.AddMinutes(5)), (order.Status, order.CancelReason, order.CancelledAt));
        Assert.Equal("CANCELLED", order.Status.ToText());
    }

    [Fact]
    public void A_pending_order_expires()
    {
        var order = NewOrder();

        order.Expire(CreatedAt.AddHours(12));

        Assert.Equal("EXPIRED", order.Status.ToText());
        Assert.NotNull(order.CancelReason);
    }

    [Fact]
    public void A_paid_order_can_be_neither_cancelled_nor_expired_and_a_cancelled_one_is_not_paid()
    {
        var paid = NewOrder();
        paid.MarkPaid(CreatedAt.AddMinutes(1));
        var cancelled = NewOrder();
        cancelled.Cancel("Duplicate", CreatedAt);

        Assert.Throws<OrderStatusException>(() => paid.Cancel("Too late", CreatedAt.AddMinutes(2)));
        Assert.Throws<OrderStatusException>(() => paid.Expire(CreatedAt.AddMinutes(2)));
        Assert.Throws<OrderStatusException>(() => cancelled.Complete(CreatedAt.AddMinutes(2)));
        cancelled.MarkPaid(CreatedAt.AddMinutes(2));
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
    }

    [Theory]
    [InlineData("cancelled", OrderStatus.Cancelled)]
    [InlineData("EXPIRED", OrderStatus.Expired)]
    public void The_new_statuses_parse(string text, OrderStatus status)
    {
        Assert.True(OrderStatusText.TryParse(text, out var parsed));
        Assert.Equal(status, parsed);
    }
}
