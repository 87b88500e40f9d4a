using Kiosk.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.Messaging.EntityFrameworkCore;

public static class OutboxStaffApi
{
    /// <summary>
    /// Maps the staff view of <typeparamref name="TContext"/>'s parked outbox rows under <c>/api/{routePrefix}/outbox</c>:
    /// list them, and retry one once its cause is fixed.
    /// </summary>
    public static RouteGroupBuilder MapOutboxStaffApi<TContext>(this IEndpointRouteBuilder app, string routePrefix)
        where TContext : DbContext
    {
        var api = app.MapGroup($"/api/{routePrefix}/outbox").WithTags("Outbox").RequireStaffApiKey();

        // The context is resolved by hand: the route analyzer cannot follow a handler parameter of a generic type.
        api.MapGet("/parked", (HttpContext http, CancellationToken cancellationToken) =>
                ListParked(http.RequestServices.GetRequiredService<TContext>(), cancellationToken))
            .WithName("ListParkedOutboxMessages")
            .WithSummary("Staff: events this service could not publish and has stopped retrying, oldest first")
            .WithDescription(
                "A row is parked after failing Outbox:MaxAttempts times (default 10) for a reason of its own, e.g. a "
                + "message the broker refuses. Later events of the same key (order) wait behind it: waitingBehind counts them.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapPost("/{id:long}/retry",
                (long id, HttpContext http, OutboxSignal signal, TimeProvider clock, CancellationToken cancellationToken) =>
                    Retry(id, http.RequestServices.GetRequiredService<TContext>(), signal, clock, cancellationToken))
            .WithName("RetryOutboxMessage")
            .WithSummary("Staff: publish a parked event again, with a fresh count of attempts")
            .WithDescription("204 when the row is queued again; 404 for an unknown row; 409 when the row is not parked.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    private static async Task<Ok<List<ParkedOutboxMessage>>> ListParked<TContext>(TContext db, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        var outbox = db.Set<OutboxMessage>();
        var parked = await outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.ParkedAt != null)
            .OrderBy(m => m.Id)
            .Select(m => new ParkedOutboxMessage(
                m.Id, m.EventId, m.Topic, m.Key, m.EventType, m.Attempts, m.LastError, m.CreatedAt, m.ParkedAt,
                outbox.Count(later => later.Key == m.Key && later.SentAt == null && later.Id > m.Id)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(parked);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Retry<TContext>(
        long id, TContext db, OutboxSignal signal, TimeProvider clock, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Outbox row not found",
                detail: $"There is no outbox row {id} (sent rows are removed after 7 days).");
        }
        if (message.SentAt is not null || message.ParkedAt is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Outbox row not parked",
                detail: message.SentAt is { } sent
                    ? $"Outbox row {id} was already published at {sent:O}."
                    : $"Outbox row {id} is not parked: the relay is still retrying it (attempt {message.Attempts}).");
        }

        message.Unpark(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        // No new row was added, so the commit hook does not wake the relay: do it here.
        signal.Notify();
        return TypedResults.NoContent();
    }
}
