using Kiosk.Contracts;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Kiosk.Web.Clients;

/// <summary>
/// Which requests the clients' resilience pipeline may send again. A POST whose answer was lost may have taken effect, so it
/// is repeated only when the service will recognise the repeat: it carries an <c>Idempotency-Key</c>, or the endpoint is
/// idempotent by design (checkout answers the same order again) and the request is marked <see cref="IdempotentByDesign"/>.
/// </summary>
public static class RetrySafety
{
    public static readonly HttpRequestOptionsKey<bool> IdempotentByDesign = new("Kiosk.IdempotentByDesign");

    public static bool MaySendAgain(HttpRequestMessage? request) =>
        request is not null
        && (request.Method != HttpMethod.Post
            || request.Headers.Contains(IdempotencyKey.HeaderName)
            || (request.Options.TryGetValue(IdempotentByDesign, out var safe) && safe));

    /// <summary>Keeps the retry's own rules (which failures are transient) and adds: only requests that are safe to repeat.</summary>
    public static void RetryOnlySafeRequests(this HttpRetryStrategyOptions options)
    {
        var transient = options.ShouldHandle;
        options.ShouldHandle = async args => MaySendAgain(args.Context.GetRequestMessage()) && await transient(args);
    }

    /// <summary>Marks a POST that the service answers the same way however often it is sent.</summary>
    public static HttpRequestMessage MarkIdempotent(this HttpRequestMessage request)
    {
        request.Options.Set(IdempotentByDesign, true);
        return request;
    }

    public static HttpRequestMessage WithIdempotencyKey(this HttpRequestMessage request, string key)
    {
        request.Headers.Add(IdempotencyKey.HeaderName, key);
        return request;
    }
}
