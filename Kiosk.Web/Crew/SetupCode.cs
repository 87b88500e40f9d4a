namespace Kiosk.Web.Crew;

/// <summary>
/// A one-time setup code a web replica issued at start while no manager existed. Only its SHA-256 hash is kept; the code
/// itself appears once, in that replica's log.
/// </summary>
public sealed class SetupCode
{
    public long Id { get; set; }
    public required byte[] CodeHash { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
