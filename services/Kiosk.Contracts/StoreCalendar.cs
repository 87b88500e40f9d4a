namespace Kiosk.Contracts;

/// <summary>
/// The store's business day, in its own time zone (<c>Kiosk:TimeZone</c>, an IANA id), never the server's, which is often
/// UTC: order numbers restart each day and crew screens show the store's times.
/// </summary>
public sealed class StoreCalendar(TimeZoneInfo timeZone)
{
    public const string TimeZoneKey = "Kiosk:TimeZone";
    public const string DefaultTimeZone = "Asia/Manila";

    public TimeZoneInfo TimeZone { get; } = timeZone;

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The midnight that began the store's day <paramref name="instant"/> falls on.</summary>
    public DateTimeOffset StartOfDay(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        return new DateTimeOffset(local.Date, TimeZone.GetUtcOffset(local.Date));
    }

    /// <summary>The midnight that begins the store's day <paramref name="businessDay"/>.</summary>
    public DateTimeOffset StartOf(DateOnly businessDay)
    {
        var midnight = businessDay.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, TimeZone.GetUtcOffset(midnight));
    }

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The calendar of the configured zone (<see cref="DefaultTimeZone"/> when unset); an unknown zone names the setting to fix.</summary>
    public static StoreCalendar FromTimeZoneId(string? configured)
    {
        var id = configured is { Length: > 0 } ? configured : DefaultTimeZone;
        try
        {
            return new StoreCalendar(TimeZoneInfo.FindSystemTimeZoneById(id));
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new InvalidOperationException(
                $"{TimeZoneKey} is '{id}', which is not a time zone this machine knows. Use an IANA id such as '{DefaultTimeZone}'.", ex);
        }
    }
}
