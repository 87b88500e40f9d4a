using Kiosk.Payments.Domain;

namespace Kiosk.UnitTests.Payments;

/// <summary>The senior citizen / PWD discount: S = T × h / n, exempt S / 1.12, discount 20 % of that, due (T − S) + 0.8 × S / 1.12.</summary>
public sealed class SalesBreakdownTests
{
    [Fact]
    public void One_senior_alone_with_a_224_peso_meal_pays_160()
    {
        var breakdown = SalesBreakdown.Of(224.00m, diners: 1, holders: 1);

        Assert.Equal(new SalesBreakdown(224.00m, 0.00m, 0.00m, 200.00m, 0.00m, 40.00m, 160.00m), breakdown);
    }

    [Fact]
    public void Two_diners_sharing_448_pesos_with_one_senior_pay_384()
    {
        var breakdown = SalesBreakdown.Of(448.00m, diners: 2, holders: 1);

        Assert.Equal(new SalesBreakdown(448.00m, 200.00m, 24.00m, 200.00m, 0.00m, 40.00m, 384.00m), breakdown);
    }

    [Fact]
    public void Without_holders_the_whole_total_is_vatable_as_on_a_plain_receipt()
    {
        var breakdown = SalesBreakdown.Of(243.00m, diners: 3, holders: 0);

        var split = Kiosk.Contracts.Vat.Split(243.00m);
        Assert.Equal(new SalesBreakdown(243.00m, split.VatableSales, split.Vat, 0.00m, 0.00m, 0.00m, 243.00m), breakdown);
        Assert.Equal(breakdown, SalesBreakdown.Plain(243.00m));
    }

    [Fact]
    public void When_every_diner_holds_an_id_nothing_is_vatable()
    {
        var breakdown = SalesBreakdown.Of(448.00m, diners: 2, holders: 2);

        Assert.Equal(new SalesBreakdown(448.00m, 0.00m, 0.00m, 400.00m, 0.00m, 80.00m, 320.00m), breakdown);
    }

    [Theory]
    // A half centavo rounds away from zero: 0.70 / 1.12 = 0.625 exempt, 0.125 discount.
    [InlineData("0.70", 1, 1, "0.00", "0.00", "0.63", "0.13", "0.50")]
    // Thirds: every line from the exact share, rounded once.
    [InlineData("100.00", 3, 1, "59.52", "7.15", "29.76", "5.95", "90.48")]
    [InlineData("135.00", 3, 1, "80.36", "9.64", "40.18", "8.04", "122.14")]
    // Rounding the share first would give 41.78 and 35.35: the amount due comes from the exact share.
    [InlineData("45.00", 4, 1, "30.13", "3.62", "10.04", "2.01", "41.79")]
    [InlineData("45.00", 4, 3, "10.04", "1.21", "30.13", "6.03", "35.36")]
    [InlineData("45.00", 7, 4, "17.22", "2.07", "22.96", "4.59", "37.65")]
    // A hundred diners.
    [InlineData("1000.00", 100, 1, "883.93", "106.07", "8.93", "1.79", "997.14")]
    [InlineData("999.99", 100, 37, "562.49", "67.50", "330.35", "66.07", "894.28")]
    public void Lines_are_rounded_to_centavos_only_at_the_end(
        string total, int diners, int holders, string vatable, string vat, string exempt, string discount, string due)
    {
        var breakdown = SalesBreakdown.Of(Pesos(total), diners, holders);

        Assert.Equal(
            (Pesos(vatable), Pesos(vat), Pesos(exempt), 0.00m, Pesos(discount), Pesos(due)),
            (breakdown.VatableSales, breakdown.Vat, breakdown.VatExemptSales, breakdown.ZeroRatedSales, breakdown.Discount, breakdown.AmountDue));
    }

    [Fact]
    public void Every_line_carries_two_decimals()
    {
        var breakdown = SalesBreakdown.Of(448m, diners: 2, holders: 1);

        Assert.All(new[] { breakdown.Total, breakdown.VatableSales, breakdown.Vat, breakdown.VatExemptSales, breakdown.Discount, breakdown.AmountDue },
            amount => Assert.Equal(2, amount.Scale));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(0, 0)]
    [InlineData(3, -1)]
    public void Impossible_shares_are_refused(int diners, int holders) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SalesBreakdown.Of(100m, diners, holders));

    private static decimal Pesos(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
