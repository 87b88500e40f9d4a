namespace Kiosk.Web.Crew;

/// <summary>
/// The sign-in throttle's state for one client address, shared by every web replica: the times of its recent wrong PINs
/// (or setup codes) and the end of its lockout. Written only by <see cref="Security.SignInThrottle"/>'s atomic upsert.
/// </summary>
public sealed class SignInAddress
{
    public required string Client { get; set; }
    public List<DateTimeOffset> Failures { get; set; } = [];
    public DateTimeOffset? LockedUntil { get; set; }
    /// <summary>The last failure; a row untouched for a whole lockout period holds nothing that still counts.</summary>
    public DateTimeOffset ChangedAt { get; set; }
}
