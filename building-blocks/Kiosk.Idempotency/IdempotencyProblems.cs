using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kiosk.Idempotency;

/// <summary>The answers the key itself can cause, each naming the header so a client developer knows what to fix.</summary>
internal static class IdempotencyProblems
{
    public static ProblemHttpResult InvalidKey(string detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [IdempotencyKey.HeaderName] = [detail] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Detail = detail,
        });

    public static ProblemHttpResult KeyReused() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Idempotency-Key reused",
            detail: $"This {IdempotencyKey.HeaderName} was already used with a different request to this endpoint; "
                + "send a new key for a new request, or the same body to get the first answer again.");

    public static ProblemHttpResult StillProcessing(HttpResponse response)
    {
        response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Request still being processed",
            detail: $"A request with this {IdempotencyKey.HeaderName} is still being processed; retry in a second to get its answer.");
    }
}
