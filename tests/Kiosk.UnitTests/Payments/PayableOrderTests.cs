using Kiosk.Payments.Domain;

namespace Kiosk.UnitTests.Payments;

public sealed class PayableOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Paying_an_order_records_the_change_and_marks_it_paid()
    {
        var order = new PayableOrder { OrderId = Guid.NewGuid(), OrderNumber = 7, Total = 95.00m, CreatedAt = Now };

        var payment = order.Pay(Guid.NewGuid(), 100m, Now);

        Assert.True(order.IsPaid);
        Assert.Equal(Now, order.PaidAt);
        Assert.Equal(order.OrderId, payment.OrderId);
        Assert.Equal(7, payment.OrderNumber);
        Assert.Equal(5.00m, payment.Change);
    }

    [Fact]
    public void An_order_cannot_be_paid_twice()
    {
        var order = new PayableOrder { OrderId = Guid.NewGuid(), OrderNumber = 8, Total = 95.00m, CreatedAt = Now };
        order.Pay(Guid.NewGuid(), 95m, Now);

        var error = Assert.Throws<InvalidOperationException>(() => order.Pay(Guid.NewGuid(), 100m, Now.AddMinutes(1)));
        Assert.Contains("#8", error.Message, StringComparison.Ordinal);
        Assert.Equal(Now, order.PaidAt);
    }

    [Fact]
    public void Paying_too_little_leaves_the_order_unpaid()
    {
        var order = new PayableOrder { OrderId = Guid.NewGuid(), OrderNumber = 9, Total = 95.00m, CreatedAt = Now };

        Assert.Throws<ArgumentOutOfRangeException>(() => order.Pay(Guid.NewGuid(), 50m, Now));
        Assert.False(order.IsPaid);
    }
}
