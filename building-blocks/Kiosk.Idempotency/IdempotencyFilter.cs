using Kiosk.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kiosk.Idempotency;

/// <summary>
/// Makes a POST safe to repeat when it carries an <c>Idempotency-Key</c>: the key, the request's fingerprint, the
/// endpoint's effect and its answer are committed in one transaction of <typeparamref name="TContext"/>; a repeat gets the
/// stored answer, a concurrent repeat waits for it. Without the header the endpoint runs exactly as before.
/// </summary>
internal sealed class IdempotencyFilter<TContext, TRequest>(TimeProvider clock, IOptions<JsonOptions> json) : IEndpointFilter
    where TContext : DbContext
{
    /// <summary>How long a repeat waits for the first request with its key before answering 409 + Retry-After.</summary>
    internal static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(5);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(IdempotencyKey.HeaderName, out var header))
        {
            return await next(context);
        }
        var invalid = header.Count == 1
            ? IdempotencyKey.Reject(header[0])
            : $"Send one {IdempotencyKey.HeaderName} header, not {header.Count}.";
        if (invalid is not null)
        {
            return IdempotencyProblems.InvalidKey(invalid);
        }

        var key = header[0]!;
        var scope = IdempotencyScope.Of(http.Request);
        var body = RequestFingerprint.CanonicalBody(context.Arguments.OfType<TRequest>().FirstOrDefault(), json.Value.SerializerOptions);
        var requestHash = RequestFingerprint.Compute(http.Request.Method, scope, body);

        var db = http.RequestServices.GetRequiredService<TContext>();
        // The service's retrying strategy re-runs the whole unit, claim included, after a transient database failure.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            cancellationToken => RunAsync(context, next, db, scope, key, requestHash, cancellationToken), http.RequestAborted);
    }

    private async Task<IResult> RunAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next, TContext db, string scope, string key, string requestHash,
        CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SetLockTimeoutAsync(WaitForFirst, cancellationToken);

        bool claimed;
        try
        {
            claimed = await db.ClaimAsync(scope, key, requestHash, clock.GetUtcNowForDatabase(), cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return IdempotencyProblems.StillProcessing(context.HttpContext.Response);
        }

        if (!claimed)
        {
            var stored = await db.FindAsync(scope, key, cancellationToken);
            return stored is null ? IdempotencyProblems.StillProcessing(context.HttpContext.Response)
                : stored.RequestHash != requestHash ? IdempotencyProblems.KeyReused()
                : StoredAnswer.From(stored);
        }

        var result = await next(context) as IResult
            ?? throw new InvalidOperationException($"{context.HttpContext.Request.Path}: an idempotent endpoint must return an IResult.");
        var (answer, final) = await StoredAnswer.CaptureAsync(result, context.HttpContext);
        if (final)
        {
            await db.SaveAnswerAsync(scope, key, answer, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // Otherwise nothing commits: no answer is kept, and no effect without it, so the repeat runs again.
        return answer;
    }
}
