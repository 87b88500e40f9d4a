using Kiosk.Web.Crew;

namespace Kiosk.Web.Pages.Staff;

/// <summary>
/// Orders waiting for payment; the cashier may apply a senior citizen / PWD discount (shown as a quote first), enters the
/// cash tendered, and the payments service answers with the change and the sales invoice. Unpaid orders can be cancelled.
/// Cancelling, and a discount above <see cref="DiscountApproval.Threshold"/>, need a manager: signed in, or
/// typing their PIN on the spot (<see cref="ManagerApproval"/>). Payments, discounts and cancellations are audited.
/// </summary>
public sealed class CashierModel(OrdersClient orders, PaymentsClient payments, CrewAccounts accounts, ManagerApproval approval, CrewAudit audit) : PageModel
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

    /// <summary>The manager approving on the spot, when the signed-in crew member is not one.</summary>
    [BindProperty]
    public int? ManagerId { get; set; }

    [BindProperty]
    public string? ManagerPin { get; set; }

    /// <summary>Enabled managers, for the on-the-spot approval.</summary>
    public IReadOnlyList<CrewMember> Managers { get; private set; } = [];

    public bool IsManager => User.IsInRole(CrewRoles.Manager);

    /// <summary>The quoted discount is above the threshold and the cashier is not a manager: the payment form asks for one.</summary>
    public bool DiscountNeedsApproval => Quote is not null && DiscountApproval.NeedsManager(Quote.Discount) && !IsManager;

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
        var discount = Discount.ToInput();
        if (discount is not null)
        {
            // The amount decides whether a manager must approve: asked of payments, never taken from the form. Without
            // an answer nothing is paid, so a discount never slips past the approval while the quote is unavailable.
            var quote = await payments.QuoteAsync(orderId, discount, ct);
            if (!quote.Succeeded)
            {
                Problem = QuoteProblemText(quote.Problem);
                IdempotencyKey = key;
                await LoadAsync(orderId, ct);
                return Page();
            }
            if (DiscountApproval.NeedsManager(quote.Value.Discount))
            {
                var approved = await approval.AuthorizeAsync(HttpContext, "discount", orderId.ToString(), ManagerId, ManagerPin, ct);
                ManagerPin = null;
                if (!approved.IsAllowed)
                {
                    Problem = $"{approved.Problem} (a discount over {Money.Peso(DiscountApproval.Threshold)} needs a manager)";
                    IdempotencyKey = key;
                    await LoadAsync(orderId, ct);
                    return Page();
                }
            }
        }

        var paid = await payments.PayAsync(orderId, amount, discount, key, ct);
        await audit.RecordAsync(AuditActions.Payment, paid.Succeeded, orderId.ToString(),
            paid.Succeeded
                ? $"order #{paid.Value.OrderNumber}: {Money.Peso(paid.Value.AmountPaid)} received" + (paid.Value.Discount > 0 ? $", {discount?.Kind} discount {Money.Peso(paid.Value.Discount)}" : "")
                : $"refused ({paid.Problem.StatusCode})", ct: ct);
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

        var approved = await approval.AuthorizeAsync(HttpContext, "cancel", orderId.ToString(), ManagerId, ManagerPin, ct);
        ManagerPin = null;
        if (!approved.IsAllowed)
        {
            Problem = approved.Problem;
            await LoadAsync(orderId, ct);
            return Page();
        }

        var cancelled = await orders.CancelAsync(orderId, CancelReason.Trim(), ct);
        await audit.RecordAsync(AuditActions.OrderCancel, cancelled.Succeeded, orderId.ToString(),
            cancelled.Succeeded ? $"order #{cancelled.Value.OrderNumber}: {CancelReason.Trim()}" : $"refused ({cancelled.Problem.StatusCode})", ct: ct);
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
        Managers = [.. (await accounts.EnabledAsync(ct)).Where(c => c.IsManager)];
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
                Problem ??= QuoteProblemText(quote.Problem);
            }
        }
    }

    private static string QuoteProblemText(ServiceProblem problem) => problem.StatusCode == 400
        ? problem.Detail ?? "Check the discount details."
        : ProblemText.ForStaff(problem, "work out the discount");
}
