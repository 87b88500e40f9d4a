using Kiosk.ServiceDefaults.Http;
using Kiosk.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Kiosk.Web.Crew;

/// <summary>
/// An action that needs a manager: allowed for a signed-in manager (the <see cref="CrewPolicies.Manager"/> policy), or
/// for anyone when a manager types their PIN on the spot. The approval is checked like a sign-in (both lockouts count),
/// recorded with both identities, and handed to the service call as <see cref="CrewHeaders.ApprovedByItem"/>.
/// The cashier stays signed in.
/// </summary>
public sealed class ManagerApproval(IAuthorizationService authorization, CrewAccounts accounts, CrewAudit audit, SignInThrottle throttle, ILogger<ManagerApproval> logger)
{
    public async Task<ApprovalResult> AuthorizeAsync(HttpContext context, string action, string subject, int? managerId, string? managerPin, CancellationToken ct)
    {
        if ((await authorization.AuthorizeAsync(context.User, CrewPolicies.Manager)).Succeeded)
        {
            return ApprovalResult.Allowed;
        }
        if (managerId is null || string.IsNullOrEmpty(managerPin))
        {
            return ApprovalResult.Refused("A manager must approve this: choose the manager and have them type their PIN.");
        }

        var address = ClientAddress.Of(context);
        var wait = await throttle.LockedForAsync(address, ct);
        if (wait > TimeSpan.Zero)
        {
            return ApprovalResult.Refused(Pages.Staff.SignInModel.TooManyWrongPinsText(wait));
        }

        var check = await accounts.CheckPinAsync(managerId.Value, managerPin, ct);
        if (check is { Outcome: PinOutcome.Right, Member: { IsManager: true } manager })
        {
            await throttle.RecordSuccessAsync(address, ct);
            var approvedBy = CrewClaims.ApprovedBy(manager);
            context.Items[CrewHeaders.ApprovedByItem] = approvedBy;
            await audit.RecordAsync(AuditActions.ManagerApproval, success: true, subject, $"approved {action}", approvedBy: approvedBy, ct: ct);
            return ApprovalResult.Allowed;
        }

        if (check.Outcome != PinOutcome.LockedOut || check.JustLocked)
        {
            await throttle.RecordFailureAsync(address, ct);
        }
        logger.LogWarning("Manager approval of {Action} refused for crew member {ManagerId}: {Outcome}", action, managerId, check.Outcome);
        await audit.RecordAsync(AuditActions.ManagerApproval, success: false, subject,
            $"refused {action}: {(check.Member is { IsManager: false } ? "not a manager" : check.Outcome.ToString().ToLowerInvariant())}",
            approvedBy: check.Member is null ? managerId.Value.ToString(CultureInfo.InvariantCulture) : CrewClaims.ApprovedBy(check.Member), ct: ct);
        return ApprovalResult.Refused(check.Outcome == PinOutcome.LockedOut
            ? "That manager's account is locked after too many wrong PINs."
            : "That manager PIN is not right.");
    }
}

public sealed record ApprovalResult(bool IsAllowed, string? Problem)
{
    public static ApprovalResult Allowed { get; } = new(true, null);
    public static ApprovalResult Refused(string problem) => new(false, problem);
}
