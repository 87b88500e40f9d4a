namespace Kiosk.Payments.Apis;

/// <summary>What an order comes to before cash is taken: the cashier shows every line of this to the customer.</summary>
public static class PaymentQuotes
{
    public static RouteHandlerBuilder MapPaymentQuoteApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/payments/quote", Quote)
            .WithTags("Payments")
            .WithName("QuotePayment")
            .WithSummary("Staff: the sales invoice's lines and the amount due for an order, with or without a senior citizen / PWD discount")
            .WithDescription(
                "Nothing is stored: the discount is applied by POST /api/payments with the same `discount`. 400 naming the field: "
                + "orderId missing; discount.kind not SENIOR or PWD; discount.diners missing or below 1; discount.holders empty or more "
                + "than the diners; a holder's name or idNumber missing. 404: payments does not know the order (yet). "
                + "409: the order is paid, cancelled or expired.")
            .RequireStaffApiKey()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<Results<Ok<QuoteResponse>, ValidationProblem, ProblemHttpResult>> Quote(
        QuoteRequest? request, PaymentsDbContext db, TimeProvider clock, StoreDayEnd dayEnd, CancellationToken cancellationToken)
    {
        var errors = QuoteRequest.Validate(request, out var discount);
        if (errors.Count > 0 || request?.OrderId is not Guid orderId)
        {
            return TypedResults.ValidationProblem(errors, title: "The quote is not valid",
                detail: string.Join(" ", errors.Values.SelectMany(messages => messages)));
        }

        var order = await db.PayableOrders.AsNoTracking().SingleOrDefaultAsync(o => o.OrderId == orderId, cancellationToken);
        if (order is null)
        {
            return PaymentProblems.OrderNotFound(orderId);
        }
        if (order.IsPaid)
        {
            return PaymentProblems.AlreadyPaid(order.OrderNumber);
        }
        if (OrderClosing.RefusalOf(order, dayEnd, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }
        return TypedResults.Ok(QuoteResponse.From(order, discount?.BreakdownOf(order.Total) ?? SalesBreakdown.Plain(order.Total)));
    }
}
