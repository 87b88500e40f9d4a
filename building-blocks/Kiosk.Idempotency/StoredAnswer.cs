using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Kiosk.Idempotency;

/// <summary>An endpoint's answer as bytes: what is stored for a key, and what is sent, the first time and on every replay.</summary>
public sealed record StoredAnswer(int StatusCode, string? ContentType, string? Location, byte[] Body, bool Replayed = false) : IResult
{
    /// <summary>
    /// Whether a repeat of the request should get this same answer. Success and refusals caused by the request (4xx) are
    /// final; a server error or anything saying "retry later" (5xx, 408, 429, or a Retry-After header) is not stored, so
    /// the repeat runs again and can succeed.
    /// </summary>
    public static bool IsFinal(int statusCode, bool retryAfter) =>
        statusCode is >= 200 and < 500 and not StatusCodes.Status408RequestTimeout and not StatusCodes.Status429TooManyRequests
        && !retryAfter;

    /// <summary>Runs <paramref name="result"/> against a scratch context and keeps what it wrote.</summary>
    public static async Task<(StoredAnswer Answer, bool Final)> CaptureAsync(IResult result, HttpContext http)
    {
        using var body = new MemoryStream();
        var scratch = new DefaultHttpContext { RequestServices = http.RequestServices };
        scratch.Response.Body = body;
        await result.ExecuteAsync(scratch);

        var headers = scratch.Response.Headers;
        var answer = new StoredAnswer(
            scratch.Response.StatusCode,
            scratch.Response.ContentType,
            headers.Location.Count > 0 ? headers.Location.ToString() : null,
            body.ToArray());
        // The live answer keeps every header the result set; only Location is part of what is stored and replayed.
        foreach (var (name, value) in headers)
        {
            if (!name.Equals(HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase)
                && !name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                http.Response.Headers[name] = value;
            }
        }
        // Handlers may set Retry-After on the response itself rather than through the result.
        return (answer, IsFinal(answer.StatusCode, http.Response.Headers.RetryAfter.Count > 0));
    }

    public static StoredAnswer From(IdempotencyRecord record) =>
        new(record.StatusCode, record.ContentType, record.Location, record.Body, Replayed: true);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        if (ContentType is not null)
        {
            response.ContentType = ContentType;
        }
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }
        if (Replayed)
        {
            response.Headers[IdempotencyKey.ReplayedHeaderName] = "true";
        }
        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, httpContext.RequestAborted);
    }
}
