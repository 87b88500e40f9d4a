using Kiosk.Web.Crew;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kiosk.Web.Pages.Staff;

/// <summary>Signs the crew member out (a POST, so a link or an image cannot do it).</summary>
public sealed class SignOutModel(CrewAudit audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.SignOut, success: true, ct: ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Staff/SignIn");
    }
}
