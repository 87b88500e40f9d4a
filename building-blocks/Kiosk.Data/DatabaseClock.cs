namespace Kiosk.Data;

public static class DatabaseClock
{
    /// <summary>
    /// Now, cut to the microseconds PostgreSQL keeps, so a time a service answers with is the time it later reads back.
    /// </summary>
    public static DateTimeOffset GetUtcNowForDatabase(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }
}
