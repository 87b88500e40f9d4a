using System.Globalization;
using Kiosk.Contracts;
using Kiosk.Web.Clients;
using Kiosk.Web.Display;

namespace Kiosk.UnitTests.Web;

public sealed class VatBreakdownTests
{
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
        var order = new Order(Guid.NewGuid(), 7, OrderStatus.Pending, DiningOptions.DineIn, [], 100.00m, 90.00m, 10.00m,
            DateTimeOffset.UnixEpoch, null, null);

        Assert.Equal(new VatBreakdown(90.00m, 10.00m, 100.00m), VatBreakdown.FromOrder(order));
    }
}
