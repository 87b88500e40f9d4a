using System.Globalization;
using Kiosk.Payments.Domain;

namespace Kiosk.UnitTests.Payments;

public sealed class CashTests
{
    [Theory]
    [InlineData("100", "95.00", "5.00")]
    [InlineData("500.00", "347.50", "152.50")]
    [InlineData("1000", "0.01", "999.99")]
    public void Change_is_amount_paid_minus_total_in_centavos(string amountPaid, string total, string expected)
    {
        var change = Cash.Change(Peso(amountPaid), Peso(total));

        Assert.Equal(Peso(expected), change);
        Assert.Equal(expected, change.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Exact_amount_gives_zero_change_with_two_decimals()
    {
        var change = Cash.Change(95m, 95.00m);

        Assert.Equal(0m, change);
        Assert.Equal("0.00", change.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Insufficient_cash_does_not_cover_the_total_and_has_no_change()
    {
        Assert.False(Cash.Covers(50m, 95m));
        Assert.False(Cash.Covers(94.99m, 95m));
        Assert.True(Cash.Covers(95m, 95m));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Cash.Change(50m, 95m));
        Assert.Contains("Amount paid ₱50.00 is less than the ₱95.00 due", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("-1")]
    [InlineData("-0.01")]
    public void Non_positive_amounts_are_rejected(string amountPaid)
    {
        var problem = Cash.Reject(Peso(amountPaid));

        Assert.NotNull(problem);
        Assert.Contains("more than zero", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("100.001")]
    [InlineData("0.005")]
    [InlineData("95.999")]
    public void Amounts_with_more_than_two_decimals_are_rejected(string amountPaid)
    {
        var problem = Cash.Reject(Peso(amountPaid));

        Assert.NotNull(problem);
        Assert.Contains("more than 2 decimal places", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("95")]
    [InlineData("95.5")]
    [InlineData("1000.00")]
    [InlineData("100.100")]
    [InlineData("99999999.99")]
    public void Positive_amounts_in_centavos_are_accepted(string amountPaid) =>
        Assert.Null(Cash.Reject(Peso(amountPaid)));

    [Fact]
    public void Amounts_beyond_what_the_database_holds_are_rejected() =>
        Assert.NotNull(Cash.Reject(Cash.MaxAmount + 0.01m));

    // decimal cannot be an attribute argument, so amounts are written as text.
    private static decimal Peso(string amount) => decimal.Parse(amount, CultureInfo.InvariantCulture);
}
