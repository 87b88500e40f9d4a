using Kiosk.Idempotency;
using Npgsql;

namespace Kiosk.Payments.Apis;

public static class PaymentsApi
{
    /// <summary>Maps the cashier's endpoints under <c>/api/payments</c>; all of them need the staff API key.</summary>
    public static RouteGroupBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/payments").WithTags("Payments");

        api.MapPost("/", TakePayment)
            .WithName("TakePayment")
            .WithSummary("Staff: take cash for an order and get the receipt with the change to hand back")
            .WithDescription(
                "201 with the receipt and `Location: /api/payments/{paymentId}`. 400: orderId missing, or amountPaid not a positive "
                + "amount in centavos. 404: the order service does not know the order. 409: the order is already paid (take no more cash). "
                + "403: a crew member who is not a manager gives a discount over ₱500 without a manager's approval (`X-Kiosk-Crew-Approved-By`). "
                + "422: not enough cash; the problem's `amountDue` extension holds the total. An order that ORDER_CREATED has not "
                + "brought yet is asked of the order service and paid at once. 503 with `Retry-After: 1`: the checkout is "
                + "known but the order service has not created the order yet (or does not answer); retry after that many seconds. "
                + "With an `Idempotency-Key` header a repeat (a timeout, a double tap) answers the first receipt again "
                + "instead of 409; the same key with another body answers 422.")
            .RequireStaffApiKey()
            .WithIdempotencyKey<PaymentsDbContext, TakePaymentRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/{paymentId:guid}", GetReceipt)
            .WithName("GetPayment")
            .WithSummary("Staff: the receipt of a payment")
            .RequireStaffApiKey()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    public static async Task<Results<Created<ReceiptResponse>, ValidationProblem, ProblemHttpResult>> TakePayment(
        TakePaymentRequest? request, PaymentsDbContext db, OrdersClient orders, CartsClient carts, TimeProvider clock, StoreDayEnd dayEnd,
        AuditTrail audit, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = TakePaymentRequest.Validate(request);
        if (errors.Count > 0 || request is not { OrderId: Guid orderId, AmountPaid: decimal amountPaid })
        {
            return PaymentProblems.Invalid(errors);
        }

        var (order, invoiceCounter) = await db.FindOrderAndInvoiceCounterAsync(orderId, cancellationToken);
        if (order is null)
        {
            // ORDER_CREATED has not arrived yet (it trails the order by a moment): the order service is the authority, so
            // ask it rather than wait. If only the cart service knows the checkout, the order is on its way (503, retry);
            // if neither does, it does not exist (404).
            var (lookup, facts) = await orders.GetOrderAsync(orderId, cancellationToken);
            if (facts is not null)
            {
                if (!facts.IsPending)
                {
                    return facts.Status is "CANCELLED" or "EXPIRED"
                        ? PaymentProblems.OrderClosed(facts.OrderNumber, facts.Status)
                        : PaymentProblems.AlreadyPaid(facts.OrderNumber);
                }
                // Unless ORDER_CREATED (or a concurrent payment) recorded it first; both write the same facts, so whichever
                // comes second changes nothing. Exactly one payment per order is still kept by the unique index on payments.
                order = await db.RecordAndTrackPayableOrderAsync(
                    facts.OrderId, facts.OrderNumber, Money.Round(facts.Total), facts.CreatedAt, cancellationToken);
            }
            else
            {
                if (lookup == OrderLookup.NotFound)
                {
                    lookup = await carts.FindCheckoutAsync(orderId, cancellationToken);
                }
                return lookup switch
                {
                    OrderLookup.Found => PaymentProblems.OrderNotReady(response, orderId),
                    OrderLookup.NotFound => PaymentProblems.OrderNotFound(orderId),
                    _ => PaymentProblems.OrdersUnreachable(response, orderId),
                };
            }
        }

        // Checked here only for a clear answer; the unique index below is what actually refuses a second payment.
        if (order.IsPaid)
        {
            return PaymentProblems.AlreadyPaid(order.OrderNumber);
        }
        var now = clock.GetUtcNowForDatabase();
        if (OrderClosing.RefusalOf(order, dayEnd, now) is { } refusal)
        {
            return refusal;
        }
        var discount = DiscountRequest.Validate(request.Discount, []);
        var breakdown = discount?.BreakdownOf(order.Total) ?? SalesBreakdown.Plain(order.Total);
        if (DiscountApproval.NeedsManager(breakdown.Discount) && !ManagerAllowed(ActingCrew.From(response.HttpContext)))
        {
            return PaymentProblems.DiscountNeedsManager(breakdown.Discount);
        }
        var amountDue = breakdown.AmountDue;
        if (!Cash.Covers(amountPaid, amountDue))
        {
            return PaymentProblems.NotEnough(amountPaid, amountDue);
        }

        // The discount is part of the payment itself: one commit, nothing to apply first and forget.
        var payment = order.Pay(Guid.CreateVersion7(), amountPaid, now, discount);
        db.Payments.Add(payment);

        try
        {
            // One commit: the payment with its invoice number, the order marked paid and the PAYMENT_CONFIRMED outbox row, or none.
            await InvoicedPayments.SavePaymentAsync(db, payment, invoiceCounter, cancellationToken, audit);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(PaymentsDbContext.OnePaymentPerOrder))
        {
            return PaymentProblems.AlreadyPaid(order.OrderNumber);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A cancellation (or another payment) of this order committed first: it won, this payment takes no cash.
            return await OrderClosing.LoserOfRaceAsync(db, orderId, order.OrderNumber, cancellationToken);
        }

        return TypedResults.Created($"/api/payments/{payment.PaymentId}", ReceiptResponse.From(payment));
    }

    // The machine client (the staff key without crew headers) is trusted as a whole; a crew member needs the manager role
    // or a manager's approval on the spot, which the web app sends as X-Kiosk-Crew-Approved-By.
    private static bool ManagerAllowed(ActingCrew crew) =>
        crew.CrewRole is null
        || !string.IsNullOrEmpty(crew.ApprovedBy)
        || crew.CrewRole.Split(',', StringSplitOptions.TrimEntries).Contains(DiscountApproval.ManagerRole, StringComparer.OrdinalIgnoreCase);

    public static async Task<Results<Ok<ReceiptResponse>, ProblemHttpResult>> GetReceipt(
        Guid paymentId, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.PaymentId == paymentId, cancellationToken);
        return payment is null ? PaymentProblems.PaymentNotFound(paymentId) : TypedResults.Ok(ReceiptResponse.From(payment));
    }
}
