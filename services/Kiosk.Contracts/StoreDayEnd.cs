using System.Globalization;

namespace Kiosk.Contracts;

/// <summary>
/// When a business day closes for unpaid orders: <c>Kiosk:DayEnd</c>, a time after the day's midnight (default
/// <c>1.00:00:00</c>, the next business day's start). After it the day's PENDING orders are EXPIRED and cannot be paid.
/// </summary>
public sealed class StoreDayEnd(StoreCalendar calendar, TimeSpan afterMidnight)
{
    public const string ConfigurationKey = "Kiosk:DayEnd";
    public static readonly TimeSpan Default = TimeSpan.FromDays(1);

    /// <summary>The statuses of an order that ended unpaid, as the API and the events spell them.</summary>
    public const string Cancelled = "CANCELLED";
    public const string Expired = "EXPIRED";

    public StoreCalendar Calendar { get; } = calendar;
    public TimeSpan AfterMidnight { get; } = afterMidnight;

    public DateTimeOffset EndOf(DateOnly businessDay) => Calendar.StartOf(businessDay) + AfterMidnight;

    public bool HasEnded(DateOnly businessDay, DateTimeOffset now) => now >= EndOf(businessDay);

    /// <summary>Reads <c>Kiosk:DayEnd</c> (a time span such as <c>1.02:00:00</c>); a bad value names the setting to fix.</summary>
    public static StoreDayEnd From(StoreCalendar calendar, string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return new StoreDayEnd(calendar, Default);
        }
        if (!TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out var afterMidnight) || afterMidnight <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"{ConfigurationKey} is '{configured}'; use a positive time after the business day's midnight, e.g. '1.00:00:00' for the next day's start.");
        }
        return new StoreDayEnd(calendar, afterMidnight);
    }
}
