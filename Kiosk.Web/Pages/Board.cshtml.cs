namespace Kiosk.Web.Pages;

/// <summary>The now-serving TV: numbers being prepared and numbers ready for pick-up. Public; this server holds the staff key.</summary>
public sealed class BoardModel(OrdersClient orders, StoreClock clock) : PageModel
{
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
        var numbers = await BoardNumbers.LoadAsync(orders, clock, ct);
        (Preparing, Ready, Stale) = (numbers.Preparing, numbers.Ready, numbers.Stale);
    }

    /// <inheritdoc cref="BoardNumbers.ReadyNumbers"/>
    public static IReadOnlyList<int> ReadyNumbers(IEnumerable<Order> completed, StoreClock clock) => BoardNumbers.ReadyNumbers(completed, clock);
}
