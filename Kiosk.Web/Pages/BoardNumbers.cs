namespace Kiosk.Web.Pages;

/// <summary>What the now-serving board shows: numbers being prepared, and the latest numbers ready today.</summary>
public sealed record BoardNumbers(IReadOnlyList<int> Preparing, IReadOnlyList<int> Ready, bool Stale)
{
    private const int ReadyShown = 10;

    public static async Task<BoardNumbers> LoadAsync(OrdersClient orders, StoreClock clock, CancellationToken ct)
    {
        var paidTask = orders.ListAsync(OrderStatus.Paid, ct);
        // Only today's: the list of every order ever served grows all day, every day.
        var completed = await orders.ListAsync(OrderStatus.Completed, ct, since: clock.StartOfToday);
        var paid = await paidTask;

        return new BoardNumbers(
            paid.Succeeded ? [.. paid.Value.Select(o => o.OrderNumber)] : [],
            completed.Succeeded ? ReadyNumbers(completed.Value, clock) : [],
            Stale: !paid.Succeeded || !completed.Succeeded);
    }

    /// <summary>
    /// The latest orders completed today, newest first. Numbers restart every day, so yesterday's "Ready 5" must not
    /// greet this morning's customer number 5.
    /// </summary>
    public static IReadOnlyList<int> ReadyNumbers(IEnumerable<Order> completed, StoreClock clock)
    {
        var today = clock.Today;
        return [.. completed
            .Where(o => o.CompletedAt is { } at && clock.DayOf(at) == today)
            .OrderByDescending(o => o.CompletedAt)
            .Take(ReadyShown)
            .Select(o => o.OrderNumber)];
    }
}
