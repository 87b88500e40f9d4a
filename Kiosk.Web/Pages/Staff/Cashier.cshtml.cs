namespace Kiosk.Web.Pages.Staff;

/// <summary>
/// Orders waiting for payment; the cashier may apply a senior citizen / PWD discount (shown as a quote first), enters the
/// cash tendered, and the payments service answers with the change and the sales invoice. Unpaid orders can be cancelled.
/// </summary>
public sealed class CashierModel(OrdersClient orders, PaymentsClient payments) : PageModel
{
    public IReadOnlyList<Order> Waiting { get; private set; } = [];
    public Order? Selected { get; private set; }
    public PaymentQuote? Quote { get; private set; }
    public string? Problem { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty]
    public string? AmountTendered { get; set; }

    [BindProperty]
    public DiscountForm Discount { get; set; } = new();

    [BindProperty]
    public string? CancelReason { get; set; }

    [TempData]
    public string? Receipt { get; set; }

    /// <summary>The payment whose sales invoice the banner links to. A Guid: TempData reads a GUID-like string back as a Guid.</summary>
    [TempData]
    public Guid? ReceiptPaymentId { get; set; }

    /// <summary>Rendered into the payment form, so a double press or a resend of that one payment takes the cash once.</summary>
    public string IdempotencyKey { get; private set; } = IdempotencyKeys.New();

    public async Task OnGetAsync(Guid? order, CancellationToken ct) => await LoadAsync(order, ct);

    /// <summary>The "Senior / PWD" step: shows every line of the discounted invoice before any cash is taken.</summary>
    public async Task<IActionResult> OnPostQuoteAsync(Guid orderId, CancellationToken ct)
    {
        await LoadAsync(orderId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPayAsync(Guid orderId, string? idempotencyKey, CancellationToken ct)
    {
        if (!decimal.TryParse(AmountTendered?.Replace("₱", "").Replace(",", "").Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            Problem = "Enter the cash received in pesos, for example 500 or 500.00.";
            await LoadAsync(orderId, ct);
            return Page();
        }

        var key = IdempotencyKeys.FromForm(idempotencyKey);
        var paid = await payments.PayAsync(orderId, amount, Discount.ToInput(), key, ct);
        if (paid.Succeeded)
        {
            var receipt = paid.Value;
            Receipt = $"Order #{receipt.OrderNumber} paid: {Money.Peso(receipt.AmountPaid)} received, change {Money.Peso(receipt.Change)}."
                + (receipt.InvoiceNumber is { } invoice ? $" Sales invoice {invoice}." : "");
            ReceiptPaymentId = receipt.PaymentId;
            return RedirectToPage();
        }

        Problem = paid.Problem switch
        {
            { StatusCode: 422, AmountDue: { } due } => $"Not enough cash. Amount due: {Money.Peso(due)}.",
            { StatusCode: 409 } => paid.Problem.Detail ?? "This order is already paid.",
            { StatusCode: 503 } => "Payments has not received this order yet. Wait a second and confirm again.",
            { StatusCode: 400 } => paid.Problem.Detail ?? "Check the discount details.",
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

    public async Task<IActionResult> OnPostCancelAsync(Guid orderId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(CancelReason))
        {
            Problem = "Say why the order is cancelled (for example: customer left).";
            await LoadAsync(orderId, ct);
            return Page();
        }

        var cancelled = await orders.CancelAsync(orderId, CancelReason.Trim(), ct);
        if (cancelled.Succeeded)
        {
            Receipt = $"Order #{cancelled.Value.OrderNumber} cancelled: {cancelled.Value.CancelReason}.";
            return RedirectToPage();
        }

        Problem = cancelled.Problem.StatusCode is 409 or 400
            ? cancelled.Problem.Detail ?? "This order can no longer be cancelled."
            : ProblemText.ForStaff(cancelled.Problem, "cancel the order");
        await LoadAsync(cancelled.Problem.StatusCode == 409 ? null : orderId, ct);
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

        if (Selected is not null && Discount.IsRequested)
        {
            var quote = await payments.QuoteAsync(Selected.OrderId, Discount.ToInput(), ct);
            if (quote.Succeeded)
            {
                Quote = quote.Value;
            }
            else
            {
                Problem ??= quote.Problem.StatusCode == 400
                    ? quote.Problem.Detail ?? "Check the discount details."
                    : ProblemText.ForStaff(quote.Problem, "work out the discount");
            }
        }
    }
}
