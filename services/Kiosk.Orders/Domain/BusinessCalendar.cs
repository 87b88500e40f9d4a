namespace Kiosk.Orders.Domain;

/// <summary>Which business day an instant falls on, in the kiosk's own time zone (order numbers restart each day).</summary>
public sealed class BusinessCalendar(TimeZoneInfo timeZone)
{
    public const string TimeZoneKey = "Kiosk:TimeZone";
    public const string DefaultTimeZone = "Asia/Manila";

    public TimeZoneInfo TimeZone { get; } = timeZone;

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>Reads <c>Kiosk:TimeZone</c> (an IANA id); an unknown zone stops start-up with a message naming the setting.</summary>
    public static BusinessCalendar FromConfiguration(IConfiguration configuration)
    {
        var id = configuration[TimeZoneKey] is { Length: > 0 } configured ? configured : DefaultTimeZone;
        try
        {
            return new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById(id));
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new InvalidOperationException(
                $"{TimeZoneKey} is '{id}', which is not a time zone this machine knows. Use an IANA id such as '{DefaultTimeZone}'.", ex);
        }
    }
}
