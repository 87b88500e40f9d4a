using Kiosk.Web.Security;

namespace Kiosk.UnitTests.Web;

public sealed class StaffPinTests
{
    [Theory]
    [InlineData("2468", "2468", true)]
    [InlineData("2468", "2469", false)]
    [InlineData("2468", "24680", false)]
    [InlineData("2468", "246", false)]
    [InlineData("2468", "", false)]
    [InlineData("2468", null, false)]
    [InlineData("2468", " 2468", false)]
    [InlineData("ñ2468", "ñ2468", true)]
    public void Only_the_exact_pin_matches(string expected, string? entered, bool matches) =>
        Assert.Equal(matches, StaffPin.Matches(expected, entered));
}
