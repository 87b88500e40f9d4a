using Kiosk.Contracts;
using Kiosk.Payments.Apis;

namespace Kiosk.UnitTests.Payments;

/// <summary>Which business day "close the day" closes when none is named: the latest one whose day end has passed.</summary>
public sealed class ZReadingDayTests
{
    private static readonly StoreCalendar Manila = StoreCalendar.FromTimeZoneId("Asia/Manila");

    private static DateTimeOffset ManilaTime(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void With_the_default_day_end_it_is_yesterday_all_day()
    {
        var dayEnd = StoreDayEnd.From(Manila, null);

        Assert.Equal(new DateOnly(2026, 11, 25), ZReadings.LatestEndedDay(dayEnd, ManilaTime(26, 0, 0)));
        Assert.Equal(new DateOnly(2026, 11, 25), ZReadings.LatestEndedDay(dayEnd, ManilaTime(26, 23, 59)));
    }

    [Fact]
    public void A_day_that_ends_before_midnight_can_be_closed_the_same_evening()
    {
        var dayEnd = StoreDayEnd.From(Manila, "0.22:00:00");

        Assert.Equal(new DateOnly(2026, 11, 25), ZReadings.LatestEndedDay(dayEnd, ManilaTime(26, 21, 59)));
        Assert.Equal(new DateOnly(2026, 11, 26), ZReadings.LatestEndedDay(dayEnd, ManilaTime(26, 22, 0)));
    }

    [Fact]
    public void A_day_that_ends_after_midnight_stays_open_into_the_next_morning()
    {
        var dayEnd = StoreDayEnd.From(Manila, "1.02:00:00");

        Assert.Equal(new DateOnly(2026, 11, 24), ZReadings.LatestEndedDay(dayEnd, ManilaTime(26, 1, 59)));
        Assert.Equal(new DateOnly(2026, 11, 25), ZReadings.LatestEndedDay(dayEnd, ManilaTime(26, 2, 0)));
    }
}
