namespace Kiosk.Web.Pages.Staff;

/// <summary>Orders waiting for payment; the cashier enters the cash tendered and the payments service answers with the change.</summary>
public sealed class CashierModel(OrdersClient orders, PaymentsClient payments) : PageModel
{
    public IReadOnlyList<Order> Waiting { get; private set; } = [];
    public Order? Selected { get; private set; }
    public string? Problem { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty]
    public string? AmountTendered { get; set; }

    [TempData]
    public string? Receipt { get; set; }

    /// <summary>Rendered into the payment form, so a double press or a resend of that one payment takes the cash once.</summary>
    public string IdempotencyKey { get; private set; } = IdempotencyKeys.New();

    public async Task OnGetAsync(Guid? order, CancellationToken ct) => await LoadAsync(order, ct);

    public async Task<IActionResult> OnPostPayAsync(Guid orderId, string? idempotencyKey, CancellationToken ct)
    {
        if (!decimal.TryParse(AmountTendered?.Replace("₱", "").Replace(",", "").Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            Problem = "Enter the cash received in pesos, for example 500 or 500.00.";
            await LoadAsync(orderId, ct);
            return Page();
        }

        var key = IdempotencyKeys.FromForm(idempotencyKey);
        var paid = await payments.PayAsync(orderId, amount, key, ct);
        if (paid.Succeeded)
        {
            var receipt = paid.Value;
            Receipt = $"Order #{receipt.OrderNumber} paid: {Money.Peso(receipt.AmountPaid)} received, change {Money.Peso(receipt.Change)}.";
            return RedirectToPage();
        }

        Problem = paid.Problem switch
        {
            { StatusCode: 422, AmountDue: { } due } => $"Not enough cash. Amount due: {Money.Peso(due)}.",
            { StatusCode: 409 } => paid.Problem.Detail ?? "This order is already paid.",
            { StatusCode: 503 } => "Payments has not received this order yet. Wait a second and confirm again.",
            _ => ProblemText.ForStaff(paid.Problem, "take the payment"),
        };
        // "Confirm again" after an outage or a 503 is the same payment: if the lost answer had taken the cash, the
        // service answers that receipt again. After a refusal (not enough cash) the cashier enters a new amount: a new key.
        if (paid.Problem.IsTransient)
        {
            IdempotencyKey = key;
        }
        await LoadAsync(paid.Problem.StatusCode == 409 ? null : orderId, ct);
        return Page();
    }

    private async Task LoadAsync(Guid? orderId, CancellationToken ct)
    {
        var pending = await orders.ListAsync(OrderStatus.Pending, ct);
        if (!pending.Succeeded)
        {
            Problem ??= ProblemText.ForStaff(pending.Problem, "load the orders waiting for payment");
            return;
        }

        Waiting = pending.Value;
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var number = Search.Trim().TrimStart('#');
            Waiting = [.. Waiting.Where(o => o.OrderNumber.ToString(CultureInfo.InvariantCulture) == number)];
        }
        Selected = pending.Value.FirstOrDefault(o => o.OrderId == orderId);
    }
}
