using Kiosk.Contracts;
using Kiosk.Orders.Domain;

namespace Kiosk.UnitTests.Orders;

public sealed class OrderStatusTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static Order NewOrder() => Order.Create(
        Guid.NewGuid(), orderNumber: 7, new DateOnly(2026, 11, 25), DiningOptions.DineIn, Guid.NewGuid(),
        [new OrderItem(1, 101, "Chickenjoy", 95.00m, 2), new OrderItem(2, 205, "Jolly Spaghetti", 65.50m, 1)],
        CreatedAt);

    [Fact]
    public void A_new_order_is_pending_and_totals_its_lines()
    {
        var order = NewOrder();

        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(255.50m, order.Total);
        Assert.Equal([190.00m, 65.50m], order.Items.Select(i => i.LineTotal));
        Assert.Null(order.PaidAt);
        Assert.Null(order.CompletedAt);
    }

    [Fact]
    public void An_order_without_items_cannot_be_created()
    {
        Assert.Throws<ArgumentException>(() => Order.Create(
            Guid.NewGuid(), 1, new DateOnly(2026, 11, 25), DiningOptions.TakeOut, Guid.NewGuid(), [], CreatedAt));
    }

    [Fact]
    public void Paying_a_pending_order_makes_it_paid_and_stores_the_time_in_utc()
    {
        var order = NewOrder();
        var paidAt = new DateTimeOffset(2026, 11, 25, 20, 5, 0, TimeSpan.FromHours(8));

        order.MarkPaid(paidAt);

        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(paidAt, order.PaidAt);
        Assert.Equal(TimeSpan.Zero, order.PaidAt!.Value.Offset);
    }

    [Fact]
    public void A_second_payment_confirmation_changes_nothing()
    {
        var order = NewOrder();
        var firstPaidAt = CreatedAt.AddMinutes(2);
        order.MarkPaid(firstPaidAt);

        order.MarkPaid(CreatedAt.AddMinutes(9));

        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(firstPaidAt, order.PaidAt);
    }

    [Fact]
    public void A_paid_order_can_be_completed()
    {
        var order = NewOrder();
        order.MarkPaid(CreatedAt.AddMinutes(2));
        var completedAt = CreatedAt.AddMinutes(6);

        order.Complete(completedAt);

        Assert.Equal(OrderStatus.Completed, order.Status);
        Assert.Equal(completedAt, order.CompletedAt);
    }

    [Fact]
    public void A_payment_confirmation_after_completion_does_not_move_the_order_back()
    {
        var order = NewOrder();
        order.MarkPaid(CreatedAt.AddMinutes(2));
        order.Complete(CreatedAt.AddMinutes(6));

        order.MarkPaid(CreatedAt.AddMinutes(8));

        Assert.Equal(OrderStatus.Completed, order.Status);
        Assert.Equal(CreatedAt.AddMinutes(2), order.PaidAt);
    }

    [Fact]
    public void A_pending_order_cannot_be_completed_and_the_error_names_both_states()
    {
        var order = NewOrder();

        var error = Assert.Throws<OrderStatusException>(() => order.Complete(CreatedAt.AddMinutes(1)));

        Assert.Equal(OrderStatus.Pending, error.Current);
        Assert.Equal(OrderStatus.Completed, error.Requested);
        Assert.Contains("PENDING", error.Message, StringComparison.Ordinal);
        Assert.Contains("COMPLETED", error.Message, StringComparison.Ordinal);
        Assert.Contains("#7", error.Message, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Null(order.CompletedAt);
    }

    [Fact]
    public void A_completed_order_cannot_be_completed_again()
    {
        var order = NewOrder();
        order.MarkPaid(CreatedAt.AddMinutes(2));
        var completedAt = CreatedAt.AddMinutes(6);
        order.Complete(completedAt);

        var error = Assert.Throws<OrderStatusException>(() => order.Complete(CreatedAt.AddMinutes(7)));

        Assert.Equal(OrderStatus.Completed, error.Current);
        Assert.Contains("already COMPLETED", error.Message, StringComparison.Ordinal);
        Assert.Equal(completedAt, order.CompletedAt);
    }

    [Theory]
    [InlineData("PENDING", OrderStatus.Pending)]
    [InlineData("paid", OrderStatus.Paid)]
    [InlineData(" Completed ", OrderStatus.Completed)]
    public void Status_names_parse_in_any_casing(string text, OrderStatus expected)
    {
        Assert.True(OrderStatusText.TryParse(text, out var status));
        Assert.Equal(expected, status);
        Assert.Equal(expected.ToString().ToUpperInvariant(), status.ToText());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("SHIPPED")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_status(string? text) => Assert.False(OrderStatusText.TryParse(text, out _));
}
