using System.Globalization;
using Kiosk.Web.Clients;
using Kiosk.Web.Display;
using OrdersVat = Kiosk.Orders.Domain.Vat;

namespace Kiosk.UnitTests.Web;

public sealed class VatBreakdownTests
{
    [Fact]
    public void The_cart_screen_splits_every_total_exactly_as_the_orders_service_will()
    {
        // Every centavo up to ₱2,000, then larger steps up to ₱200,000: the cart's preview must never disagree with the receipt.
        var totals = Enumerable.Range(0, 200_001).Select(c => c / 100m)
            .Concat(Enumerable.Range(0, 20_000).Select(c => 2_000m + c * 9.93m));

        foreach (var total in totals)
        {
            var shown = VatBreakdown.FromTotal(total);
            var charged = OrdersVat.Split(total);

            Assert.True(charged.VatableSales == shown.VatableSales && charged.Vat == shown.Vat,
                $"Total {total}: kiosk shows {shown.VatableSales} + {shown.Vat}, orders service says {charged.VatableSales} + {charged.Vat}.");
            Assert.Equal(total, shown.Total);
        }
    }

    [Theory]
    [InlineData("95.00", "84.82", "10.18")]
    [InlineData("112.00", "100.00", "12.00")]
    // 0.14 / 1.12 = 0.125: the half centavo rounds away from zero, not to even.
    [InlineData("0.14", "0.13", "0.01")]
    [InlineData("1234.50", "1102.23", "132.27")]
    public void Vat_included_in_a_total_is_rounded_to_the_centavo_and_adds_back_up(string total, string vatableSales, string vat)
    {
        var split = VatBreakdown.FromTotal(decimal.Parse(total, CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(vatableSales, CultureInfo.InvariantCulture), split.VatableSales);
        Assert.Equal(decimal.Parse(vat, CultureInfo.InvariantCulture), split.Vat);
        Assert.Equal(split.Total, split.VatableSales + split.Vat);
    }

    [Fact]
    public void An_orders_own_figures_are_shown_as_returned_not_recomputed()
    {
        // Deliberately not the 12 % split of the total: the receipt must echo what the orders service said.
        var order = new Order(Guid.NewGuid(), 7, OrderStatus.Pending, DiningOption.DineIn, [], 100.00m, 90.00m, 10.00m,
            DateTimeOffset.UnixEpoch, null, null);

        Assert.Equal(new VatBreakdown(90.00m, 10.00m, 100.00m), VatBreakdown.FromOrder(order));
    }
}
