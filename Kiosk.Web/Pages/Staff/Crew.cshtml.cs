using System.Security.Claims;
using Kiosk.Web.Crew;

namespace Kiosk.Web.Pages.Staff;

/// <summary>
/// The manager's crew screen: add a crew member with roles and a first PIN, change roles, disable or enable, reset a PIN.
/// Every change is audited. A manager cannot disable themselves or take away their own Manager role (no store is left
/// without one by a slip).
/// </summary>
public sealed class CrewModel(CrewAccounts accounts, CrewAudit audit) : PageModel
{
    public IReadOnlyList<CrewMember> Members { get; private set; } = [];
    public string? Problem { get; private set; }

    [TempData]
    public string? Changed { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public string? Pin { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var pin = Pin;
        Pin = null;
        var roles = CrewRoles.Normalise(Roles);
        Problem = string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Trim().Length > 60 ? "Enter the crew member's name (up to 60 characters)."
            : roles.Count == 0 ? "Give the crew member at least one role."
            : CrewAccounts.PinProblem(pin) is { } pinProblem ? pinProblem
            : await accounts.NameTakenAsync(DisplayName, ct) ? $"There is already a crew member called {DisplayName.Trim()}: add a surname or an initial."
            : null;
        if (Problem is not null)
        {
            await LoadAsync(ct);
            return Page();
        }

        var member = await accounts.AddAsync(DisplayName!, roles, pin!, ct);
        await audit.RecordAsync(AuditActions.CrewAdd, success: true, Subject(member), $"{member.DisplayName} as {string.Join(", ", member.Roles)}", ct: ct);
        Changed = $"{member.DisplayName} added as crew #{member.Id} ({string.Join(", ", member.Roles)}).";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRolesAsync(int id, CancellationToken ct)
    {
        var roles = CrewRoles.Normalise(Roles);
        if (roles.Count == 0)
        {
            return await RefuseAsync("Give the crew member at least one role.", ct);
        }
        if (IsSelf(id) && !roles.Contains(CrewRoles.Manager))
        {
            return await RefuseAsync("You cannot take away your own Manager role: ask another manager.", ct);
        }
        var member = await accounts.ChangeAsync(id, m => m.Roles = roles, ct);
        return await DoneAsync(member, AuditActions.CrewRoles, $"roles now {string.Join(", ", roles)}", ct);
    }

    public async Task<IActionResult> OnPostEnabledAsync(int id, bool enabled, CancellationToken ct)
    {
        if (IsSelf(id) && !enabled)
        {
            return await RefuseAsync("You cannot disable your own account.", ct);
        }
        var member = await accounts.ChangeAsync(id, m => m.Enabled = enabled, ct);
        return await DoneAsync(member, enabled ? AuditActions.CrewEnable : AuditActions.CrewDisable, enabled ? "enabled" : "disabled", ct);
    }

    public async Task<IActionResult> OnPostResetPinAsync(int id, CancellationToken ct)
    {
        var pin = Pin;
        Pin = null;
        if (CrewAccounts.PinProblem(pin) is { } problem)
        {
            return await RefuseAsync(problem, ct);
        }
        var member = await accounts.ResetPinAsync(id, pin!, ct);
        return await DoneAsync(member, AuditActions.CrewResetPin, "PIN reset (lockout lifted)", ct);
    }

    private async Task<IActionResult> DoneAsync(CrewMember? member, string action, string what, CancellationToken ct)
    {
        if (member is null)
        {
            return await RefuseAsync("There is no such crew member.", ct);
        }
        await audit.RecordAsync(action, success: true, Subject(member), $"{member.DisplayName}: {what}", ct: ct);
        Changed = $"{member.DisplayName}: {what}.";
        return RedirectToPage();
    }

    private async Task<IActionResult> RefuseAsync(string problem, CancellationToken ct)
    {
        Problem = problem;
        await LoadAsync(ct);
        return Page();
    }

    private bool IsSelf(int id) => User.FindFirstValue(ClaimTypes.NameIdentifier) == id.ToString(CultureInfo.InvariantCulture);

    private static string Subject(CrewMember member) => member.Id.ToString(CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken ct) => Members = await accounts.AllAsync(ct);
}
