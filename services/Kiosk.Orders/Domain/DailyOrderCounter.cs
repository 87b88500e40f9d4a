namespace Kiosk.Orders.Domain;

/// <summary>
/// Hands out order numbers 1, 2, 3… within one business day. Its row is updated under a concurrency token, so two
/// instances taking a number at once cannot both commit it: the loser's message is retried and gets the next one.
/// </summary>
public sealed class DailyOrderCounter
{
    private DailyOrderCounter()
    {
    }

    public DailyOrderCounter(DateOnly businessDay) => BusinessDay = businessDay;

    public DateOnly BusinessDay { get; private set; }

    /// <summary>The last number handed out today; 0 before the first order.</summary>
    public int LastNumber { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public int Next() => ++LastNumber;
}
