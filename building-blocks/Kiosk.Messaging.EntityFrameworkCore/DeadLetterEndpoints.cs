using Kiosk.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.Messaging.EntityFrameworkCore;

public static class DeadLetterEndpoints
{
    public const string Failed = "failed";

    /// <summary>
    /// Maps the crew's dead-letter endpoints under <c>/api/{service}/dead-letters</c>: the list of parked messages and
    /// their replay through the consumer's own idempotent path. Requires <c>AddEventConsumer</c> for <typeparamref name="TContext"/>.
    /// </summary>
    public static RouteGroupBuilder MapDeadLetterEndpoints<TContext>(this IEndpointRouteBuilder app, string service)
        where TContext : DbContext
    {
        var api = app.MapGroup($"/api/{service}/dead-letters").WithTags("Dead letters").RequireStaffApiKey();

        // The DbContext is resolved by hand: the route analyzers cannot follow a generic parameter type.
        api.MapGet("", (bool? replayed, HttpContext http, CancellationToken cancellationToken) =>
                ListAsync(replayed, http.RequestServices.GetRequiredService<TContext>(), cancellationToken))
            .WithName($"List{Capitalized(service)}DeadLetters")
            .WithSummary("Staff: messages this service's consumer parked, newest first")
            .WithDescription("?replayed=false keeps only those not replayed yet; ?replayed=true only replayed ones. At most 200.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapPost("/{id:long}/replay", (long id, HttpContext http, CancellationToken cancellationToken) =>
                ReplayAsync(id, http.RequestServices.GetRequiredService<TContext>(),
                    http.RequestServices.GetRequiredService<InboxHandling<TContext>>(),
                    http.RequestServices.GetRequiredService<TimeProvider>(), cancellationToken))
            .WithName($"Replay{Capitalized(service)}DeadLetter")
            .WithSummary("Staff: run a parked message through the consumer again, after fixing its cause")
            .WithDescription(
                "Same path as the consumer: inbox check, handler, inbox row, one transaction. Answers outcome handled, "
                + "duplicate (it had been handled already; replaying twice is harmless) or failed with the error.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<Ok<List<DeadLetterResponse>>> ListAsync<TContext>(
        bool? replayed, TContext db, CancellationToken cancellationToken) where TContext : DbContext
    {
        var query = db.Set<DeadLetter>().AsNoTracking();
        if (replayed is { } wanted)
        {
            query = wanted ? query.Where(d => d.ReplayedAt != null) : query.Where(d => d.ReplayedAt == null);
        }
        var rows = await query.OrderByDescending(d => d.ParkedAt).ThenByDescending(d => d.Id).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(DeadLetterResponse.From).ToList());
    }

    private static async Task<Results<Ok<DeadLetterReplayResponse>, ProblemHttpResult>> ReplayAsync<TContext>(
        long id, TContext db, InboxHandling<TContext> inbox, TimeProvider clock, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        var deadLetter = await db.Set<DeadLetter>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (deadLetter is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Dead letter not found",
                detail: $"There is no dead letter {id}; GET the list to see the parked messages' ids.");
        }

        var message = new InboundMessage(deadLetter.Topic, deadLetter.Partition, deadLetter.Offset, deadLetter.Key,
            deadLetter.Payload, []);
        string outcome;
        string? error = null;
        try
        {
            outcome = await inbox.HandleAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = Failed;
            error = $"{ex.GetType().Name}: {ex.Message}";
        }

        deadLetter.ReplayedAt = clock.GetUtcNow();
        deadLetter.ReplayOutcome = outcome;
        deadLetter.ReplayError = error;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new DeadLetterReplayResponse(id, outcome, error, deadLetter.ReplayedAt.Value));
    }

    private static string Capitalized(string service) => char.ToUpperInvariant(service[0]) + service[1..];
}
