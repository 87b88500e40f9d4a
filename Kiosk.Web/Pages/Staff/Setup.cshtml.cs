using Kiosk.Web.Crew;
using Kiosk.Web.Security;

namespace Kiosk.Web.Pages.Staff;

/// <summary>
/// First run: while no manager exists, a one-time setup code from the web app's log (any replica's) creates the first
/// manager. Wrong codes count against the address like wrong PINs. Once a manager exists this page only says so.
/// </summary>
public sealed class SetupModel(SetupCodes setupCodes, CrewAccounts accounts, CrewAudit audit, SignInThrottle throttle, ILogger<SetupModel> logger) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Pin { get; set; }

    [BindProperty]
    public string? PinAgain { get; set; }

    public bool Done { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Done = await accounts.AnyManagerAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (code, pin, pinAgain) = (Code, Pin, PinAgain);
        (Code, Pin, PinAgain) = (null, null, null);
        if (Done = await accounts.AnyManagerAsync(ct))
        {
            return Page();
        }

        var client = ClientAddress.Of(HttpContext);
        var wait = await throttle.LockedForAsync(client, ct);
        if (wait > TimeSpan.Zero)
        {
            Problem = SignInModel.TooManyWrongPinsText(wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (!await setupCodes.IsUnspentAsync(code, ct))
        {
            await throttle.RecordFailureAsync(client, ct);
            logger.LogWarning("Wrong crew setup code from {Client}", client);
            await audit.RecordAsync(AuditActions.Setup, success: false, details: "wrong setup code", ct: ct);
            Problem = "That setup code is not right. It is in the web app's log, and each start of the web app logs a new one.";
            return Page();
        }
        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Trim().Length > 60)
        {
            Problem = "Enter the manager's name (up to 60 characters).";
            return Page();
        }
        if (CrewAccounts.PinProblem(pin) is { } pinProblem)
        {
            Problem = pinProblem;
            return Page();
        }
        if (pin != pinAgain)
        {
            Problem = "The two PINs are not the same.";
            return Page();
        }

        var manager = await setupCodes.CreateFirstManagerAsync(code!, DisplayName, pin!, ct);
        if (manager is null)
        {
            // Spent a moment ago, on this replica or another: the first manager exists now, or the code ran out.
            Done = await accounts.AnyManagerAsync(ct);
            Problem = Done ? null : "That setup code is no longer valid. Restart the web app for a new one.";
            return Page();
        }
        await throttle.RecordSuccessAsync(client, ct);
        await audit.RecordAsync(AuditActions.Setup, success: true, manager.Id.ToString(CultureInfo.InvariantCulture), "first manager created", actor: manager, ct: ct);
        logger.LogWarning("First crew manager {Name} (#{CrewId}) created with the setup code", manager.DisplayName, manager.Id);
        return RedirectToPage("/Staff/SignIn");
    }
}
