using Kiosk.Contracts;
using Kiosk.Web.Display;
using Microsoft.Extensions.Configuration;

namespace Kiosk.UnitTests.Web;

public sealed class StoreClockTests
{
    private static StoreClock Manila(TimeProvider time) =>
        StoreClock.FromConfiguration(new ConfigurationBuilder().Build(), time);

    [Fact]
    public void Crew_screens_show_store_time_not_the_servers_utc()
    {
        var clock = Manila(TimeProvider.System);

        Assert.Equal("01:56", clock.TimeOfDay(new DateTimeOffset(2026, 11, 25, 17, 56, 0, TimeSpan.Zero)));
        Assert.Equal("09:05", clock.TimeOfDay(new DateTimeOffset(2026, 11, 25, 1, 5, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_store_day_turns_at_midnight_in_manila()
    {
        var clock = Manila(TimeProvider.System);

        Assert.Equal(new DateOnly(2026, 11, 25), clock.DayOf(new DateTimeOffset(2026, 11, 25, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 26), clock.DayOf(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Today_follows_the_time_provider()
    {
        var time = new ManualClock(); // 25 Nov 2026, 09:00 in Manila
        var clock = Manila(time);

        Assert.Equal(new DateOnly(2026, 11, 25), clock.Today);
        time.Advance(TimeSpan.FromHours(15));
        Assert.Equal(new DateOnly(2026, 11, 26), clock.Today);
    }

    [Fact]
    public void The_time_zone_can_be_configured_and_a_wrong_one_is_named()
    {
        var utc = StoreClock.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection([new(StoreCalendar.TimeZoneKey, "Etc/UTC")]).Build(), TimeProvider.System);
        Assert.Equal("17:56", utc.TimeOfDay(new DateTimeOffset(2026, 11, 25, 17, 56, 0, TimeSpan.Zero)));

        var wrong = Assert.Throws<InvalidOperationException>(() => StoreClock.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection([new(StoreCalendar.TimeZoneKey, "Mars/Olympus")]).Build(), TimeProvider.System));
        Assert.Contains("Kiosk:TimeZone", wrong.Message);
        Assert.Contains("Mars/Olympus", wrong.Message);
    }
}
