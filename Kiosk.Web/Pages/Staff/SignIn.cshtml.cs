using Kiosk.Web.Crew;
using Kiosk.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kiosk.Web.Pages.Staff;

/// <summary>
/// Crew sign-in: the crew member (from the list of enabled names) and their own PIN. Wrong PINs count per client address
/// (<see cref="SignInThrottle"/>) and per account (<see cref="CrewAccounts"/>, in the database); every attempt is audited.
/// </summary>
public sealed class SignInModel(CrewAccounts accounts, CrewAudit audit, SignInThrottle throttle, TimeProvider clock, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public int? CrewId { get; set; }

    [BindProperty]
    public string? Pin { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<CrewMember> Crew { get; private set; } = [];
    public bool NeedsSetup { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var client = ClientAddress.Of(HttpContext);
        var entered = Pin;
        Pin = null;
        await LoadAsync(ct);

        // A locked-out address is refused before any PIN is looked at, so guessing gains nothing while it waits.
        var wait = await throttle.LockedForAsync(client, ct);
        if (wait > TimeSpan.Zero)
        {
            logger.LogWarning("Crew sign-in from {Client} refused: address locked out for another {Seconds} s", client, (int)Math.Ceiling(wait.TotalSeconds));
            await audit.RecordAsync(AuditActions.SignInLockedOut, success: false, Subject(), "address locked out", ct: ct);
            return TooManyWrongPins(TooManyWrongPinsText(wait), wait);
        }
        if (CrewId is not { } crewId || string.IsNullOrEmpty(entered))
        {
            Problem = "Choose your name and enter your PIN.";
            return Page();
        }

        var check = await accounts.CheckPinAsync(crewId, entered, ct);
        switch (check.Outcome)
        {
            case PinOutcome.Right:
                await throttle.RecordSuccessAsync(client, ct);
                await audit.RecordAsync(AuditActions.SignInSuccess, success: true, Subject(), actor: check.Member, ct: ct);
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CrewClaims.For(check.Member!, clock.GetUtcNow()));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : HomeOf(check.Member!));

            case PinOutcome.LockedOut when !check.JustLocked:
                logger.LogWarning("Crew sign-in for crew member {CrewId} from {Client} refused: account locked", crewId, client);
                await audit.RecordAsync(AuditActions.SignInLockedOut, success: false, Subject(), "account locked out", actor: check.Member, ct: ct);
                return TooManyWrongPins(AccountLockedText(check.LockedFor), check.LockedFor);
        }

        // A wrong PIN (or an unknown or disabled crew member, answered alike) counts against the address as well.
        var failure = await throttle.RecordFailureAsync(client, ct);
        logger.LogWarning("Wrong PIN for crew member {CrewId} from {Client} ({Count} of {Allowed} for the address)", crewId, client, failure.Count, failure.Allowed);
        await audit.RecordAsync(check.JustLocked ? AuditActions.SignInLockedOut : AuditActions.SignInFailure, success: false, Subject(),
            check.JustLocked ? "wrong PIN; account now locked" : check.Outcome == PinOutcome.Unknown ? "unknown or disabled crew member" : "wrong PIN",
            actor: check.Member, ct: ct);
        if (failure.LockedOut)
        {
            return TooManyWrongPins(TooManyWrongPinsText(failure.LockedFor), failure.LockedFor);
        }
        if (check.JustLocked)
        {
            return TooManyWrongPins(AccountLockedText(check.LockedFor), check.LockedFor);
        }
        Problem = "That PIN is not right. Please try again.";
        return Page();
    }

    /// <summary>What a locked-out address reads: how long to wait, in whole minutes, and who can help sooner.</summary>
    public static string TooManyWrongPinsText(TimeSpan wait) => $"Too many wrong PINs — wait {Minutes(wait)} or ask a manager.";

    /// <summary>What a crew member whose own account is locked reads.</summary>
    public static string AccountLockedText(TimeSpan wait) =>
        $"This crew account is locked after too many wrong PINs — wait {Minutes(wait)} or ask a manager to reset your PIN.";

    /// <summary>The screen a crew member's roles open first.</summary>
    public static string HomeOf(CrewMember member) =>
        member.Roles.Contains(CrewRoles.Cashier) || member.IsManager ? "/staff/cashier" : "/staff/kitchen";

    private static string Minutes(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return $"{minutes} {(minutes == 1 ? "minute" : "minutes")}";
    }

    private string? Subject() => CrewId?.ToString(CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken ct)
    {
        Crew = await accounts.EnabledAsync(ct);
        NeedsSetup = !Crew.Any(c => c.IsManager);
    }

    private PageResult TooManyWrongPins(string text, TimeSpan wait)
    {
        Problem = text;
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Page();
    }
}
