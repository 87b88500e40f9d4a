namespace Kiosk.Web.Display;

/// <summary>
/// Dates and times as the store lives them: in <c>Kiosk:TimeZone</c> (an IANA id, default Asia/Manila — the setting the orders
/// service numbers its days by), never in the server's own zone, which is often UTC.
/// </summary>
public sealed class StoreClock(TimeZoneInfo timeZone, TimeProvider time)
{
    public const string TimeZoneKey = "Kiosk:TimeZone";
    public const string DefaultTimeZone = "Asia/Manila";

    public DateOnly Today => DayOf(time.GetUtcNow());

    /// <summary>Midnight that began the store's current day.</summary>
    public DateTimeOffset StartOfToday
    {
        get
        {
            var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), timeZone);
            return new DateTimeOffset(local.Date, timeZone.GetUtcOffset(local.Date));
        }
    }

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);

    /// <summary>A time of day for crew screens: 09:05, 17:30.</summary>
    public string TimeOfDay(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, timeZone).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Reads <c>Kiosk:TimeZone</c>; an unknown zone fails with a message naming the setting.</summary>
    public static StoreClock FromConfiguration(IConfiguration configuration, TimeProvider time)
    {
        var id = configuration[TimeZoneKey] is { Length: > 0 } configured ? configured : DefaultTimeZone;
        try
        {
            return new StoreClock(TimeZoneInfo.FindSystemTimeZoneById(id), time);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new InvalidOperationException(
                $"{TimeZoneKey} is '{id}', which is not a time zone this machine knows. Use an IANA id such as '{DefaultTimeZone}'.", ex);
        }
    }
}
