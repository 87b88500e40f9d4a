using System.Security.Claims;
using Kiosk.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kiosk.Web.Pages.Staff;

/// <summary>Crew sign-in with the store PIN (<c>Kiosk:StaffPin</c>); a cookie then opens the cashier, kitchen and stock screens.</summary>
public sealed class SignInModel(IConfiguration configuration, SignInThrottle throttle, ILogger<SignInModel> logger) : PageModel
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

        var client = ClientAddress();
        var entered = Pin;
        Pin = null;
        // A locked-out address is refused before its PIN is looked at, so guessing gains nothing while it waits.
        var wait = throttle.LockedFor(client);
        if (wait > TimeSpan.Zero)
        {
            logger.LogWarning("Staff sign-in from {Client} refused: locked out for another {Seconds} s", client, (int)Math.Ceiling(wait.TotalSeconds));
            return TooManyWrongPins(wait);
        }
        if (string.IsNullOrEmpty(entered))
        {
            Problem = "Enter the store PIN.";
            return Page();
        }
        if (!StaffPin.Matches(expected, entered))
        {
            var failure = throttle.RecordFailure(client);
            if (failure.LockedOut)
            {
                logger.LogWarning("Wrong staff PIN from {Client} ({Count} of {Allowed}): locked out for {Seconds} s",
                    client, failure.Count, failure.Allowed, (int)failure.LockedFor.TotalSeconds);
                return TooManyWrongPins(failure.LockedFor);
            }
            logger.LogWarning("Wrong staff PIN from {Client} ({Count} of {Allowed})", client, failure.Count, failure.Allowed);
            Problem = "That PIN is not right. Please try again.";
            return Page();
        }

        throttle.RecordSuccess(client);
        var crew = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "Crew")], CookieAuthenticationDefaults.AuthenticationScheme));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, crew);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff/cashier");
    }

    /// <summary>What a locked-out crew member reads: how long to wait, in whole minutes, and who can help sooner.</summary>
    public static string TooManyWrongPinsText(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return $"Too many wrong PINs — wait {minutes} {(minutes == 1 ? "minute" : "minutes")} or ask a manager.";
    }

    private PageResult TooManyWrongPins(TimeSpan wait)
    {
        Problem = TooManyWrongPinsText(wait);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Page();
    }

    // Behind the gateway this is the forwarded client address (ASPNETCORE_FORWARDEDHEADERS_ENABLED), not the gateway's.
    private string ClientAddress() => HttpContext.Connection.RemoteIpAddress switch
    {
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        { } address => address.ToString(),
        null => "unknown",
    };
}
