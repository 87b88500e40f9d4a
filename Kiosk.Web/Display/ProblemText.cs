namespace Kiosk.Web.Display;

/// <summary>What a banner says when a service call fails.</summary>
public static class ProblemText
{
    /// <summary>Customers see the service's own reason for a refusal (sold out, empty cart), and one calm sentence for an outage.</summary>
    public static string ForCustomer(ServiceProblem problem, UiText text) =>
        problem.IsTransient ? text.ConnectionTrouble : problem.Detail ?? text.ErrorTitle;

    /// <summary>Crew see the detail even for an outage, with the status, so they can tell a manager what happened.</summary>
    public static string ForStaff(ServiceProblem problem, string doing) => problem switch
    {
        { StatusCode: null } => $"Could not {doing}: the service did not answer. Try again in a moment.",
        { Detail: { } detail } => detail,
        _ => $"Could not {doing} (HTTP {problem.StatusCode}). Try again in a moment.",
    };
}
