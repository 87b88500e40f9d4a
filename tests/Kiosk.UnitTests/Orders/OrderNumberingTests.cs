using Kiosk.Contracts;
using Kiosk.Orders.Domain;

namespace Kiosk.UnitTests.Orders;

public sealed class OrderNumberingTests
{
    [Fact]
    public void Numbers_start_at_one_each_day_and_go_up_by_one()
    {
        var counter = new DailyOrderCounter(new DateOnly(2026, 11, 25));

        Assert.Equal([1, 2, 3], new[] { counter.Next(), counter.Next(), counter.Next() });
        Assert.Equal(3, counter.LastNumber);
        Assert.Equal(1, new DailyOrderCounter(new DateOnly(2026, 11, 26)).Next());
    }

    [Theory]
    // Manila is UTC+8 all year: its day starts at 16:00 UTC the day before.
    [InlineData("2026-11-25T15:59:59Z", "2026-11-25")]
    [InlineData("2026-11-25T16:00:00Z", "2026-11-26")]
    [InlineData("2026-11-26T01:30:00+08:00", "2026-11-26")]
    public void The_business_day_is_the_kiosks_local_date(string instant, string day)
    {
        var calendar = StoreCalendar.FromTimeZoneId(null);

        Assert.Equal(DateOnly.Parse(day), calendar.DayOf(DateTimeOffset.Parse(instant)));
    }

    [Fact]
    public void The_configured_time_zone_decides_the_day()
    {
        var calendar = StoreCalendar.FromTimeZoneId("UTC");

        Assert.Equal(new DateOnly(2026, 11, 25), calendar.DayOf(DateTimeOffset.Parse("2026-11-25T16:00:00Z")));
    }

    [Fact]
    public void An_unknown_time_zone_names_the_setting_to_fix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StoreCalendar.FromTimeZoneId("Mars/Olympus"));
        Assert.Contains(StoreCalendar.TimeZoneKey, error.Message, StringComparison.Ordinal);
    }
}
