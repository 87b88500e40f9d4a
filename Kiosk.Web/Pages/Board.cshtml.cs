namespace Kiosk.Web.Pages;

/// <summary>The now-serving TV: numbers being prepared and numbers ready for pick-up. Public; this server holds the staff key.</summary>
public sealed class BoardModel(OrdersClient orders, StoreClock clock) : PageModel
{
    private const int ReadyShown = 10;

    public IReadOnlyList<int> Preparing { get; private set; } = [];
    public IReadOnlyList<int> Ready { get; private set; } = [];
    public bool Stale { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetNumbersAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return new JsonResult(new { preparing = Preparing, ready = Ready, stale = Stale });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var paidTask = orders.ListAsync(OrderStatus.Paid, ct);
        // Only today's: the list of every order ever served grows all day, every day.
        var completed = await orders.ListAsync(OrderStatus.Completed, ct, since: clock.StartOfToday);
        var paid = await paidTask;

        Stale = !paid.Succeeded || !completed.Succeeded;
        Preparing = paid.Succeeded ? [.. paid.Value.Select(o => o.OrderNumber)] : [];
        Ready = completed.Succeeded ? ReadyNumbers(completed.Value, clock) : [];
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
