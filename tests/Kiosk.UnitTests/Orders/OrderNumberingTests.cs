using Kiosk.Orders.Domain;
using Microsoft.Extensions.Configuration;

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
        var calendar = BusinessCalendar.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal(DateOnly.Parse(day), calendar.DayOf(DateTimeOffset.Parse(instant)));
    }

    [Fact]
    public void The_time_zone_comes_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [BusinessCalendar.TimeZoneKey] = "UTC" })
            .Build();

        var calendar = BusinessCalendar.FromConfiguration(configuration);

        Assert.Equal(new DateOnly(2026, 11, 25), calendar.DayOf(DateTimeOffset.Parse("2026-11-25T16:00:00Z")));
    }

    [Fact]
    public void An_unknown_time_zone_names_the_setting_to_fix()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [BusinessCalendar.TimeZoneKey] = "Mars/Olympus" })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => BusinessCalendar.FromConfiguration(configuration));
        Assert.Contains(BusinessCalendar.TimeZoneKey, error.Message, StringComparison.Ordinal);
    }
}
