using Kiosk.Contracts;

namespace Kiosk.UnitTests.Contracts;

public sealed class VatTests
{
    [Theory]
    [InlineData("95.00", "84.82", "10.18")]
    [InlineData("100.00", "89.29", "10.71")]
    [InlineData("112.00", "100.00", "12.00")]
    [InlineData("57.00", "50.89", "6.11")]
    [InlineData("1.00", "0.89", "0.11")]
    [InlineData("0.00", "0.00", "0.00")]
    // 0.14 / 1.12 = 0.125 exactly: the half centavo rounds up, not to the even 0.12.
    [InlineData("0.14", "0.13", "0.01")]
    [InlineData("1.54", "1.38", "0.16")]
    public void Vat_is_included_in_the_total_and_rounded_to_the_centavo(string total, string vatableSales, string vat)
    {
        var split = Vat.Split(decimal.Parse(total));

        Assert.Equal(decimal.Parse(vatableSales), split.VatableSales);
        Assert.Equal(decimal.Parse(vat), split.Vat);
    }

    [Fact]
    public void The_two_parts_always_add_up_to_the_total_and_vat_is_twelve_percent_of_the_rest()
    {
        for (var centavos = 0; centavos <= 200_000; centavos += 7)
        {
            var total = centavos / 100m;
            var split = Vat.Split(total);

            Assert.Equal(total, split.VatableSales + split.Vat);
            Assert.Equal(split.VatableSales, decimal.Round(split.VatableSales, 2));
            Assert.True(Math.Abs(split.Vat - split.VatableSales * Vat.Rate) <= 0.01m,
                $"{total}: VAT {split.Vat} is not 12 % of {split.VatableSales}.");
        }
    }

    [Fact]
    public void Amounts_keep_two_decimals_for_the_receipt()
    {
        var split = Vat.Split(100.00m);

        Assert.Equal("89.29", split.VatableSales.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("10.71", split.Vat.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
