namespace Kiosk.Orders.Apis;

/// <summary>Orders that end unpaid: cancelled by staff, or expired when their business day ends.</summary>
public static class OrderCancellation
{
    public static RouteGroupBuilder MapOrderCancellationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/orders").WithTags("Orders");

        api.MapPost("/{orderId:guid}/cancel", CancelOrder)
            .WithName("CancelOrder")
            .WithSummary("Staff: cancel an unpaid order (PENDING → CANCELLED), with a reason")
            .WithDescription(
                "Body `{ \"reason\": \"Customer left\" }`. 200 with the order, now CANCELLED; ORDER_CANCELLED is published. "
                + "400: reason missing or longer than 200 characters. 404: no such order. 409: the order is not PENDING "
                + "(already paid, completed, cancelled or expired); a payment and a cancellation racing for one order: exactly one wins, "
                + "the other gets 409. 503 with `Retry-After`: the payment service did not answer, nothing was cancelled.")
            .RequireStaffApiKey()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/expire", ExpireOrders)
            .WithName("ExpireOrders")
            .WithSummary("Staff: expire now every PENDING order whose business day has ended (the service also does this every minute)")
            .WithDescription("200 with `{ \"expired\": n }`, the orders that became EXPIRED; each gets an ORDER_CANCELLED with status EXPIRED.")
            .RequireStaffApiKey()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return api;
    }

    public static async Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> CancelOrder(
        Guid orderId, CancelOrderRequest? request, OrdersDbContext db, PaymentsClient payments, TimeProvider clock,
        AuditTrail audit, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = CancelOrderRequest.Validate(request);
        if (errors.Count > 0 || request?.Reason is not { } reason)
        {
            return TypedResults.ValidationProblem(errors, title: "The cancellation is not valid",
                detail: string.Join(" ", errors.Values.SelectMany(messages => messages)));
        }
        reason = reason.Trim();

        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found", detail: $"There is no order {orderId}.");
        }
        if (order.Status != OrderStatus.Pending)
        {
            return NotCancellable(new OrderStatusException(order.Id, order.OrderNumber, order.Status, OrderStatus.Cancelled).Message);
        }

        switch (await payments.CloseAsync(order, StoreDayEnd.Cancelled, reason, cancellationToken))
        {
            case CloseOutcome.AlreadyPaid:
                return NotCancellable($"Order #{order.OrderNumber} ({orderId}) was paid first; it cannot be cancelled.");
            case CloseOutcome.Unreachable:
                response.Headers.RetryAfter = "2";
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Order not cancelled",
                    detail: "The payment service did not answer, so the order could still be paid; nothing was cancelled. Try again.");
        }

        try
        {
            // Committed with the cancellation, or not at all.
            audit.Record(db, "order.cancelled", order.Id.ToString(), new { order.OrderNumber, order.Total, reason });
            await EndUnpaidAsync(db, order, StoreDayEnd.Cancelled, reason, clock, cancellationToken);
        }
        catch (OrderStatusException ex)
        {
            return NotCancellable(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, cancellationToken);
            if (current.Status != OrderStatus.Cancelled)
            {
                return NotCancellable($"Order #{order.OrderNumber} ({orderId}) was changed meanwhile and is now {current.Status.ToText()}.");
            }
            order = current;
        }
        return TypedResults.Ok(OrderResponse.From(order));
    }

    public static async Task<Ok<ExpiredOrdersResponse>> ExpireOrders(OrderExpirySweep sweep, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ExpiredOrdersResponse(await sweep.RunAsync(cancellationToken)));

    /// <summary>Marks the order CANCELLED or EXPIRED and publishes ORDER_CANCELLED, in one commit. Payments must have closed it first.</summary>
    internal static async Task EndUnpaidAsync(
        OrdersDbContext db, Order order, string status, string? reason, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNowForDatabase();
        if (status == StoreDayEnd.Expired)
        {
            order.Expire(now);
        }
        else
        {
            order.Cancel(reason ?? "", now);
        }
        db.AddIntegrationEvent(Topics.OrderCancelled, order.Id.ToString(), new OrderCancelled(
            Guid.CreateVersion7(), order.Id, order.OrderNumber, status, order.CancelReason, order.BusinessDay, order.CancelledAt!.Value)
        {
            Total = order.Total,
            CreatedAt = order.CreatedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ProblemHttpResult NotCancellable(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Order cannot be cancelled", detail: detail);
}

[OpenApiExample("""
    { "reason": "Customer left" }
    """)]
public sealed record CancelOrderRequest(string? Reason)
{
    public const int MaxReasonLength = 200;

    public static Dictionary<string, string[]> Validate(CancelOrderRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Reason))
        {
            errors["reason"] = ["Reason is required: why the order is cancelled (e.g. \"Customer left\")."];
        }
        else if (request.Reason.Trim().Length > MaxReasonLength)
        {
            errors["reason"] = [$"Reason must be at most {MaxReasonLength} characters."];
        }
        return errors;
    }
}

[OpenApiExample("""
    { "expired": 3 }
    """)]
public sealed record ExpiredOrdersResponse(int Expired);
