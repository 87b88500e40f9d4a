using Kiosk.Contracts;

namespace Kiosk.IntegrationTests.Idempotency;

/// <summary>Requests with an Idempotency-Key, and what a test compares of their answers.</summary>
public static class IdempotentRequests
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKey.HeaderName, key);
        }
        return await http.SendAsync(request);
    }

    public static bool IsReplay(HttpResponseMessage response) =>
        response.Headers.TryGetValues(IdempotencyKey.ReplayedHeaderName, out var values) && values.Single() == "true";

    public static async Task<string> BodyAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    /// <summary>The documented answer to a repeat that arrived while the first request with its key was still running.</summary>
    public static async Task<bool> IsStillProcessingAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Conflict
        && response.Headers.RetryAfter is not null
        && (await response.Content.ReadAsStringAsync()).Contains("still being processed", StringComparison.Ordinal);

    public static string NewKey() => Guid.NewGuid().ToString();
}
