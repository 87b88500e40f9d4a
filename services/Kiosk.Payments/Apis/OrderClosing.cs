namespace Kiosk.Payments.Apis;

/// <summary>
/// Orders that end unpaid. The payable order's row is the one place a payment and a cancellation (or expiry) of the same
/// order meet: both write it under its concurrency token, so exactly one commits and the other answers 409.
/// </summary>
public static class OrderClosing
{
    public static RouteGroupBuilder MapOrderClosingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/payments/orders").WithTags("Payments");

        api.MapPost("/{orderId:guid}/close", CloseOrder)
            .WithName("CloseUnpaidOrder")
            .WithSummary("Staff (the order service): end an unpaid order, CANCELLED or EXPIRED, so its cash can no longer be taken")
            .WithDescription(
                "Called by the order service before it cancels or expires an order. 200 when the order is now closed here "
                + "(repeating it changes nothing); 409 when it was paid first (the payment won the race). Works before "
                + "ORDER_CREATED arrives: the order is then recorded closed, and the late event cannot reopen it.")
            .RequireStaffApiKey()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    /// <returns>Why the order cannot be paid now (cancelled, expired, or its business day over), or null.</returns>
    public static ProblemHttpResult? RefusalOf(PayableOrder order, StoreDayEnd dayEnd, DateTimeOffset now) =>
        order.ClosedStatus is { } status ? PaymentProblems.OrderClosed(order.OrderNumber, status)
        : dayEnd.HasEnded(dayEnd.Calendar.DayOf(order.CreatedAt), now) ? PaymentProblems.OrderClosed(order.OrderNumber, StoreDayEnd.Expired)
        : null;

    /// <summary>The answer for a payment whose order changed between its read and its commit.</summary>
    public static async Task<ProblemHttpResult> LoserOfRaceAsync(
        PaymentsDbContext db, Guid orderId, int orderNumber, CancellationToken cancellationToken)
    {
        var current = await db.PayableOrders.AsNoTracking().SingleAsync(o => o.OrderId == orderId, cancellationToken);
        return current.ClosedStatus is { } status
            ? PaymentProblems.OrderClosed(orderNumber, status)
            : PaymentProblems.AlreadyPaid(orderNumber);
    }

    public static async Task<Results<Ok<CloseOrderResponse>, ValidationProblem, ProblemHttpResult>> CloseOrder(
        Guid orderId, CloseOrderRequest? request, PaymentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = CloseOrderRequest.Validate(request);
        if (errors.Count > 0 || request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The order cannot be closed", detail: string.Join(" ", errors.Values.SelectMany(m => m)));
        }

        // Two rounds at most: a rival's commit between our read and our write is re-read once and then decided.
        for (var round = 1; ; round++)
        {
            var now = clock.GetUtcNowForDatabase();
            var order = await db.PayableOrders.SingleOrDefaultAsync(o => o.OrderId == orderId, cancellationToken);
            if (order is null)
            {
                order = PayableOrder.ClosedBeforeCreated(orderId, request.OrderNumber!.Value, request.Total!.Value, request.CreatedAt!.Value,
                    request.Status!, request.Reason, now);
                db.PayableOrders.Add(order);
            }
            else if (!order.Close(request.Status!, request.Reason, now))
            {
                return PaymentProblems.AlreadyPaid(order.OrderNumber);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(new CloseOrderResponse(orderId, order.ClosedStatus!, order.ClosedAt!.Value));
            }
            catch (DbUpdateException ex) when (round < 3 && ex.IsWriteConflict())
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>What the order service tells payments when an order ends unpaid; number, total and time cover an order payments has not heard of yet.</summary>
[OpenApiExample("""
    { "status": "CANCELLED", "reason": "Customer left", "orderNumber": 5, "total": 99.00, "createdAt": "2026-11-25T17:22:10.077997+00:00" }
    """)]
public sealed record CloseOrderRequest(string? Status, string? Reason, int? OrderNumber, decimal? Total, DateTimeOffset? CreatedAt)
{
    public const int MaxReasonLength = 200;

    public static Dictionary<string, string[]> Validate(CloseOrderRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.Status is not (StoreDayEnd.Cancelled or StoreDayEnd.Expired))
        {
            errors["status"] = [$"Status must be {StoreDayEnd.Cancelled} or {StoreDayEnd.Expired}."];
        }
        if (request?.Reason is { Length: > MaxReasonLength })
        {
            errors["reason"] = [$"Reason must be at most {MaxReasonLength} characters."];
        }
        if (request?.OrderNumber is not > 0)
        {
            errors["orderNumber"] = ["Order number is required (at least 1)."];
        }
        if (request?.Total is not decimal total || total < 0 || total > Cash.MaxAmount || Money.Round(total) != total)
        {
            errors["total"] = ["Total is required: the order's total in pesos and centavos."];
        }
        if (request?.CreatedAt is null)
        {
            errors["createdAt"] = ["Created at is required: when the order was placed."];
        }
        return errors;
    }
}

[OpenApiExample("""
    { "orderId": "f0b2308b-081b-4dd7-8c5e-8e55fb53352f", "status": "CANCELLED", "closedAt": "2026-11-25T17:30:00+00:00" }
    """)]
public sealed record CloseOrderResponse(Guid OrderId, string Status, DateTimeOffset ClosedAt);
