using System.Diagnostics;
using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Kiosk.Orders.Apis;

public static class OrdersApi
{
    /// <summary>Maps the order endpoints under <c>/api/orders</c>: the customer's order status and the staff queue.</summary>
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/orders").WithTags("Orders");

        api.MapGet("/{orderId:guid}", GetOrder)
            .WithName("GetOrder")
            .WithSummary("One order with its number, status, items and VAT; 404 until the checkout has been processed")
            .WithDescription(
                "404 means 'not created yet', not 'lost'. With 'Prefer: wait=N' (RFC 7240, N ≤ 10 seconds) the answer "
                + "waits up to N s for the order to be created, or, with 'If-None-Match' and the ETag of the last answer, "
                + "for it to change (304 when it did not); 'Preference-Applied' says the wait was honoured. Without it, poll "
                + "every 500 ms–1 s. Totals are VAT-inclusive (12 %): vatableSales = round(total / 1.12, 2), vat = total − vatableSales.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("", ListOrders)
            .WithName("ListOrders")
            .WithSummary("Staff: orders in one status (default: every open one, PENDING and PAID), oldest first")
            .WithDescription(
                "?status=PENDING|PAID|COMPLETED|CANCELLED|EXPIRED (any casing); 400 for anything else. "
                + "?businessDay=today|YYYY-MM-DD keeps only the orders of that store business day (order numbers restart each day, "
                + "so the cashier, the kitchen and the board ask for today's). "
                + "?since=<ISO 8601 time> keeps only orders that reached their current status at or after it "
                + "(e.g. the now-serving board asks for orders completed today).")
            .RequireStaffApiKey()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapPost("/{orderId:guid}/complete", CompleteOrder)
            .WithName("CompleteOrder")
            .WithSummary("Staff: hand a PAID order to the customer (PAID → COMPLETED)")
            .WithDescription("409 unless the order is PAID: a PENDING order is not paid yet, a COMPLETED one was already served.")
            .RequireStaffApiKey()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    // The read every waiting kiosk repeats until its order is PAID: compiled once, so a poll skips building the LINQ
    // expression and looking it up in EF's query cache (reflection the profile showed on every poll).
    private static readonly Func<OrdersDbContext, Guid, CancellationToken, Task<Order?>> FindOrder =
        EF.CompileAsyncQuery((OrdersDbContext db, Guid orderId, CancellationToken _) =>
            db.Orders.AsNoTracking().SingleOrDefault(o => o.Id == orderId));

    public static async Task<Results<Ok<OrderResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetOrder(
        Guid orderId, HttpContext http, OrdersDbContext db, OrderChanges changes, CancellationToken cancellationToken)
    {
        var known = EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var tags) ? tags : [];
        var wait = changes.IsListening ? PreferWait.From(http.Request.Headers) : null;
        if (wait is { } honoured)
        {
            http.Response.Headers["Preference-Applied"] = $"wait={honoured.TotalSeconds:0}";
        }
        var deadline = Stopwatch.GetTimestamp() + (long)((wait ?? TimeSpan.Zero).TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            // Watched before the read: a change committed between the read and the wait still wakes it.
            using var watch = wait is null ? null : changes.Watch(orderId);
            var order = await FindOrder(db, orderId, cancellationToken);
            var etag = order is null ? null : new EntityTagHeaderValue($"\"{order.Version}\"");
            var unchanged = etag is not null && known.Any(tag => tag.Tag == "*" || tag.Compare(etag, useStrongComparison: false));
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            // Not listening (the connection dropped, or the service is stopping): nothing would wake it, so answer now.
            if (watch is null || (order is not null && !unchanged) || left <= TimeSpan.Zero || !changes.IsListening
                || !await watch.ChangedWithinAsync(left, cancellationToken))
            {
                if (order is null)
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status404NotFound,
                        title: "Order not found",
                        detail: $"Order {orderId} is not known yet; if you just checked out, retry in a moment.");
                }
                http.Response.Headers.ETag = etag!.ToString();
                return unchanged ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(OrderResponse.From(order));
            }
        }
    }

    public static async Task<Results<Ok<List<OrderResponse>>, ValidationProblem>> ListOrders(
        string? status, DateTimeOffset? since, string? businessDay, OrdersDbContext db, StoreCalendar calendar, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        OrderStatus[] wanted;
        if (string.IsNullOrWhiteSpace(status))
        {
            wanted = [OrderStatus.Pending, OrderStatus.Paid];
        }
        else if (OrderStatusText.TryParse(status, out var parsed))
        {
            wanted = [parsed];
        }
        else
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["status"] = [$"Must be one of {string.Join(", ", OrderStatusText.All)}."] },
                detail: $"'{status}' is not an order status. Use ?status={string.Join("|", OrderStatusText.All)}, or leave it out for every open order.");
        }

        var query = db.Orders.AsNoTracking().Where(o => wanted.Contains(o.Status));
        if (!string.IsNullOrWhiteSpace(businessDay))
        {
            DateOnly day;
            if (string.Equals(businessDay.Trim(), "today", StringComparison.OrdinalIgnoreCase))
            {
                day = calendar.DayOf(clock.GetUtcNow());
            }
            else if (!DateOnly.TryParseExact(businessDay.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["businessDay"] = ["Must be 'today' or a date as YYYY-MM-DD."] },
                    detail: $"'{businessDay}' is not a business day. Use ?businessDay=today or ?businessDay=2026-11-26.");
            }
            query = query.Where(o => o.BusinessDay == day);
        }
        if (since is { } from)
        {
            // Status only moves forward, so the latest of the three times is when the order reached its current status.
            var fromUtc = from.ToUniversalTime();
            query = query.Where(o => (o.CancelledAt ?? o.CompletedAt ?? o.PaidAt ?? o.CreatedAt) >= fromUtc);
        }

        var orders = await query
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.OrderNumber)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(orders.ConvertAll(OrderResponse.From));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> CompleteOrder(
        Guid orderId, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Order not found",
                detail: $"There is no order {orderId}.");
        }

        try
        {
            order.Complete(clock.GetUtcNowForDatabase());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (OrderStatusException ex)
        {
            return NotCompletable(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else changed the order between our read and our write (most likely completed it too).
            var current = await db.Orders.AsNoTracking().Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync(cancellationToken);
            return NotCompletable($"Order #{order.OrderNumber} ({orderId}) was changed meanwhile and is now {current.ToText()}.");
        }
        return TypedResults.Ok(OrderResponse.From(order));
    }

    private static ProblemHttpResult NotCompletable(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Order cannot be completed", detail: detail);
}
