using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kiosk.Web.Crew;

/// <summary>What the crew cookie says about its holder, as agreed with the services' actor headers.</summary>
public static class CrewClaims
{
    /// <summary>When the crew member typed their PIN: the shift's absolute limit counts from here.</summary>
    public const string SignedInAt = "kiosk:signed-in-at";

    public static ClaimsPrincipal For(CrewMember member, DateTimeOffset signedInAt)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, member.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, member.DisplayName),
            new(SignedInAt, signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            .. member.Roles.Select(role => new Claim(ClaimTypes.Role, role)),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static string ApprovedBy(CrewMember manager) =>
        $"{manager.Id.ToString(CultureInfo.InvariantCulture)}:{manager.DisplayName}";

    /// <summary>
    /// Whether a cookie issued at <paramref name="signedInAt"/> has outlived the shift. A cookie without the claim (from
    /// before crew accounts) is over too.
    /// </summary>
    public static bool ShiftIsOver(string? signedInAt, DateTimeOffset now, TimeSpan shift) =>
        !long.TryParse(signedInAt, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
        || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > shift;
}
