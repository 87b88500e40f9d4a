namespace Kiosk.Web.Crew;

/// <summary>One crew member: their crew number (<see cref="Id"/>), name, roles and PIN hash. Never deleted, only disabled.</summary>
public sealed class CrewMember
{
    public int Id { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>Role names from <see cref="CrewRoles"/>.</summary>
    public List<string> Roles { get; set; } = [];
    /// <summary>The PIN as <c>PasswordHasher&lt;CrewMember&gt;</c> hashed it; the PIN itself is never stored.</summary>
    public string PinHash { get; set; } = "";
    public bool Enabled { get; set; } = true;
    /// <summary>Wrong PINs in a row since the last right one or the last lockout.</summary>
    public int FailedAttempts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    public bool IsManager => Roles.Contains(CrewRoles.Manager);
}
