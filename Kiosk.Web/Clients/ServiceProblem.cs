namespace Kiosk.Web.Clients;

/// <summary>
/// Why a service call did not succeed: the HTTP status (null when the service could not be reached), its problem+json detail
/// and its <c>errors</c> (e.g. a refused checkout's sold-out lines, keyed by line id).
/// </summary>
public sealed record ServiceProblem(
    int? StatusCode, string? Detail, decimal? AmountDue = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static ServiceProblem Unreachable { get; } = new(null, null);

    /// <summary>Worth trying again in a moment: the service was down, slow or overloaded, not refusing the request.</summary>
    public bool IsTransient => StatusCode is null or >= 500 or 408 or 429;
}
