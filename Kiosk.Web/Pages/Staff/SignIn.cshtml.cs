using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kiosk.Web.Pages.Staff;

/// <summary>Crew sign-in with the store PIN (<c>Kiosk:StaffPin</c>); a cookie then opens the cashier, kitchen and stock screens.</summary>
public sealed class SignInModel(IConfiguration configuration) : PageModel
{
    public const string PinKey = "Kiosk:StaffPin";

    [BindProperty]
    public string? Pin { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var expected = configuration[PinKey];
        if (string.IsNullOrEmpty(expected))
        {
            Problem = "Crew sign-in is not set up on this kiosk (no staff PIN configured). Ask a manager.";
            return Page();
        }
        if (string.IsNullOrEmpty(Pin) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(Pin)))
        {
            Problem = "That PIN is not right. Please try again.";
            Pin = null;
            return Page();
        }

        var crew = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "Crew")], CookieAuthenticationDefaults.AuthenticationScheme));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, crew);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff/cashier");
    }
}
