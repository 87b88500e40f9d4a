using Kiosk.Web.Crew;
using Kiosk.Web.Security;

namespace Kiosk.Web.Pages.Staff;

/// <summary>
/// First run: while no manager exists, the one-time setup code from the web app's log creates the first manager. Wrong
/// codes count against the address like wrong PINs. Once a manager exists this page only says so.
/// </summary>
public sealed class SetupModel(CrewSetup setup, CrewAccounts accounts, CrewAudit audit, SignInThrottle throttle, ILogger<SetupModel> logger) : PageModel
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
        var wait = throttle.LockedFor(client);
        if (wait > TimeSpan.Zero)
        {
            Problem = SignInModel.TooManyWrongPinsText(wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (!setup.Matches(code))
        {
            throttle.RecordFailure(client);
            logger.LogWarning("Wrong crew setup code from {Client}", client);
            await audit.RecordAsync(AuditActions.Setup, success: false, details: "wrong setup code", ct: ct);
            Problem = "That setup code is not right. It is in the web app's log, and changes at every start.";
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

        var manager = await accounts.AddAsync(DisplayName, [CrewRoles.Manager], pin!, ct);
        setup.Spend();
        throttle.RecordSuccess(client);
        await audit.RecordAsync(AuditActions.Setup, success: true, manager.Id.ToString(CultureInfo.InvariantCulture), "first manager created", actor: manager, ct: ct);
        logger.LogWarning("First crew manager {Name} (#{CrewId}) created with the setup code", manager.DisplayName, manager.Id);
        return RedirectToPage("/Staff/SignIn");
    }
}
