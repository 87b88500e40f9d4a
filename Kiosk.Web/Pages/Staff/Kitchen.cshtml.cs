namespace Kiosk.Web.Pages.Staff;

/// <summary>Paid orders, oldest first, to cook and hand over; "Done" completes the order.</summary>
public sealed class KitchenModel(OrdersClient orders) : PageModel
{
    public IReadOnlyList<Order> Paid { get; private set; } = [];
    public string? Problem { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCompleteAsync(Guid orderId, CancellationToken ct)
    {
        var completed = await orders.CompleteAsync(orderId, ct);
        if (completed.Succeeded)
        {
            Done = $"Order #{completed.Value.OrderNumber} is ready for pick-up.";
            return RedirectToPage();
        }

        Problem = ProblemText.ForStaff(completed.Problem, "mark the order done");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var paid = await orders.ListAsync(OrderStatus.Paid, ct);
        if (paid.Succeeded)
        {
            Paid = paid.Value;
        }
        else
        {
            Problem ??= ProblemText.ForStaff(paid.Problem, "load the paid orders");
        }
    }
}
