namespace Kiosk.Web.Clients;

/// <summary>Why a service call did not succeed: the HTTP status (null when the service could not be reached) and its problem+json detail.</summary>
public sealed record ServiceProblem(int? StatusCode, string? Detail, decimal? AmountDue = null)
{
    public static ServiceProblem Unreachable { get; } = new(null, null);

    /// <summary>Worth trying again in a moment: the service was down, slow or overloaded, not refusing the request.</summary>
    public bool IsTransient => StatusCode is null or >= 500 or 408 or 429;
}
