namespace Kiosk.Web.Display;

/// <summary>Now, as the store lives it: the <see cref="StoreCalendar"/> the orders service numbers its days by, on a clock.</summary>
public sealed class StoreClock(StoreCalendar calendar, TimeProvider time)
{
    public DateOnly Today => DayOf(time.GetUtcNow());

    /// <summary>Midnight that began the store's current day.</summary>
    public DateTimeOffset StartOfToday => calendar.StartOfDay(time.GetUtcNow());

    public DateOnly DayOf(DateTimeOffset instant) => calendar.DayOf(instant);

    /// <summary>Midnight that began <paramref name="day"/> in the store.</summary>
    public DateTimeOffset StartOf(DateOnly day) => calendar.StartOf(day);

    /// <summary>A time of day for crew screens: 09:05, 17:30.</summary>
    public string TimeOfDay(DateTimeOffset instant) => calendar.ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Date and time for an invoice or a report: 2026-11-25 17:30.</summary>
    public string DateAndTime(DateTimeOffset instant) =>
        calendar.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Reads <c>Kiosk:TimeZone</c>; an unknown zone fails with a message naming the setting.</summary>
    public static StoreClock FromConfiguration(IConfiguration configuration, TimeProvider time) =>
        new(StoreCalendar.FromTimeZoneId(configuration[StoreCalendar.TimeZoneKey]), time);
}
