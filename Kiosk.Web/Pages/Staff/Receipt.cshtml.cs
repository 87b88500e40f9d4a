using Microsoft.Extensions.Options;

namespace Kiosk.Web.Pages.Staff;

/// <summary>The printable sales invoice of one payment (80 mm receipt printer); the cashier can print it again any time.</summary>
public sealed class ReceiptModel(PaymentsClient payments, OrdersClient orders, StoreClock clock, IOptions<StoreIdentity> store) : PageModel
{
    public PaymentReceipt? Payment { get; private set; }
    public Order? Order { get; private set; }
    public StoreIdentity Store => store.Value;
    public string? Problem { get; private set; }

    public string PaidAtText => Payment is null ? "" : clock.DateAndTime(Payment.PaidAt);

    public async Task OnGetAsync(Guid paymentId, CancellationToken ct)
    {
        var receipt = await payments.GetReceiptAsync(paymentId, ct);
        if (!receipt.Succeeded)
        {
            Problem = ProblemText.ForStaff(receipt.Problem, "load the sales invoice");
            return;
        }
        Payment = receipt.Value;
        // The lines come from the order; the invoice still prints its totals if the order service is away.
        var order = await orders.GetAsync(Payment.OrderId, ct);
        Order = order.Succeeded ? order.Value : null;
        if (!order.Succeeded)
        {
            Problem = ProblemText.ForStaff(order.Problem, "load the order's lines");
        }
    }
}
