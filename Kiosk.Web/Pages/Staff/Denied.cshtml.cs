namespace Kiosk.Web.Pages.Staff;

/// <summary>Where a signed-in crew member lands on a screen their roles do not open (403).</summary>
public sealed class DeniedModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
