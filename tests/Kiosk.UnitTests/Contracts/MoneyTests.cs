using System.Globalization;
using Kiosk.Contracts;

namespace Kiosk.UnitTests.Contracts;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("5", "5.00")]
    [InlineData("5.5", "5.50")]
    [InlineData("5.005", "5.01")]
    [InlineData("5.004", "5.00")]
    [InlineData("-5.005", "-5.01")]
    public void Round_goes_half_away_from_zero_and_always_shows_two_decimals(string amount, string expected) =>
        Assert.Equal(expected, Money.Round(decimal.Parse(amount, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("1234.5", "₱1,234.50")]
    [InlineData("0", "₱0.00")]
    [InlineData("0.05", "₱0.05")]
    [InlineData("95", "₱95.00")]
    [InlineData("999.995", "₱1,000.00")]
    [InlineData("1234567.89", "₱1,234,567.89")]
    public void Pesos_show_the_sign_thousands_separators_and_two_decimals(string amount, string expected) =>
        Assert.Equal(expected, Money.Peso(decimal.Parse(amount, CultureInfo.InvariantCulture)));

    [Fact]
    public void Formatting_does_not_follow_the_servers_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            // German swaps the separators: 1.234,50 would be wrong on a Philippine kiosk.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("₱1,234.50", Money.Peso(1234.50m));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
