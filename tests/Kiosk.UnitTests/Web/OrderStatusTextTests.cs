using Kiosk.Web.Clients;
using Kiosk.Web.Display;
using Kiosk.Web.Localization;

namespace Kiosk.UnitTests.Web;

public sealed class OrderStatusTextTests
{
    public static TheoryData<string> Languages => [.. Strings.All.Select(t => t.Lang)];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Each_status_has_its_own_label_and_next_step_in_every_language(string lang)
    {
        var text = Strings.For(lang);

        Assert.Equal(text.StatusPending, OrderStatusText.Label(OrderStatus.Pending, text));
        Assert.Equal(text.PayAtCounter, OrderStatusText.Hint(OrderStatus.Pending, text));
        Assert.Equal(text.StatusPaid, OrderStatusText.Label(OrderStatus.Paid, text));
        Assert.Equal(text.WeArePreparing, OrderStatusText.Hint(OrderStatus.Paid, text));
        Assert.Equal(text.StatusCompleted, OrderStatusText.Label(OrderStatus.Completed, text));
        Assert.Equal(text.PickUpAtCounter, OrderStatusText.Hint(OrderStatus.Completed, text));

        Assert.Equal(text.StatusCancelled, OrderStatusText.Label(OrderStatus.Cancelled, text));
        Assert.Equal(text.OrderCancelledHint, OrderStatusText.Hint(OrderStatus.Cancelled, text));
        Assert.Equal(text.StatusExpired, OrderStatusText.Label(OrderStatus.Expired, text));
        Assert.Equal(text.OrderExpiredHint, OrderStatusText.Hint(OrderStatus.Expired, text));

        string[] statuses = [OrderStatus.Pending, OrderStatus.Paid, OrderStatus.Completed, OrderStatus.Cancelled, OrderStatus.Expired];
        Assert.Equal(5, statuses.Select(s => OrderStatusText.Label(s, text)).Distinct().Count());
        Assert.Equal(5, statuses.Select(s => OrderStatusText.Hint(s, text)).Distinct().Count());
    }

    [Fact]
    public void The_customer_reads_their_own_language()
    {
        Assert.Equal("Preparing", OrderStatusText.Label(OrderStatus.Paid, Strings.English));
        Assert.Equal("Inihahanda", OrderStatusText.Label(OrderStatus.Paid, Strings.Filipino));
        Assert.Equal("Handa na", OrderStatusText.Label(OrderStatus.Completed, Strings.Filipino));
    }

    [Fact]
    public void A_status_the_kiosk_does_not_know_yet_still_tells_the_customer_to_pay()
    {
        Assert.Equal(Strings.English.StatusPending, OrderStatusText.Label("REFUNDED", Strings.English));
        Assert.Equal(Strings.English.PayAtCounter, OrderStatusText.Hint("REFUNDED", Strings.English));
    }
}
