using Kiosk.Contracts;

namespace Kiosk.UnitTests.Contracts;

public sealed class StoreDayEndTests
{
    private static readonly StoreCalendar Manila = StoreCalendar.FromTimeZoneId("Asia/Manila");

    [Fact]
    public void By_default_a_day_ends_at_the_next_business_days_midnight()
    {
        var dayEnd = StoreDayEnd.From(Manila, null);
        var day = new DateOnly(2026, 11, 25);

        // Midnight in Manila is 16:00 UTC the day before.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero), dayEnd.EndOf(day));
        Assert.False(dayEnd.HasEnded(day, new DateTimeOffset(2026, 11, 25, 15, 59, 59, TimeSpan.Zero)));
        Assert.True(dayEnd.HasEnded(day, new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_configured_day_end_moves_the_expiry()
    {
        var dayEnd = StoreDayEnd.From(Manila, "22:00:00");

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 22, 0, 0, TimeSpan.FromHours(8)), dayEnd.EndOf(new DateOnly(2026, 11, 25)));
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("-01:00:00")]
    public void A_bad_setting_names_the_setting(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => StoreDayEnd.From(Manila, configured));
        Assert.Contains(StoreDayEnd.ConfigurationKey, error.Message, StringComparison.Ordinal);
    }
}
