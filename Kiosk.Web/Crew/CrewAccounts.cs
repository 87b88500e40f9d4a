using Kiosk.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosk.Web.Crew;

/// <summary>
/// Crew accounts in the web database: PIN checks with a lockout per account (kept in the database, so every replica
/// agrees), and the manager's changes. PINs are hashed with <see cref="PasswordHasher{TUser}"/> and never logged.
/// </summary>
public sealed class CrewAccounts(CrewDbContext db, IPasswordHasher<CrewMember> hasher, IOptions<KioskWebOptions> options, TimeProvider clock)
{
    public const int MinPinLength = 4;
    public const int MaxPinLength = 12;

    // Verifying against this when the account does not exist costs the same time as a real check, so the answer's
    // timing does not tell which crew numbers exist.
    private static readonly string AbsentHash = new PasswordHasher<CrewMember>().HashPassword(new CrewMember { DisplayName = "" }, "00000000");

    private int Attempts => Math.Max(1, options.Value.AccountSignInAttempts);
    private TimeSpan LockoutPeriod => TimeSpan.FromSeconds(Math.Max(1, options.Value.AccountLockoutSeconds));

    public async Task<IReadOnlyList<CrewMember>> EnabledAsync(CancellationToken ct) =>
        await db.CrewMembers.AsNoTracking().Where(c => c.Enabled).OrderBy(c => c.DisplayName).ToListAsync(ct);

    public async Task<IReadOnlyList<CrewMember>> AllAsync(CancellationToken ct) =>
        await db.CrewMembers.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);

    public Task<CrewMember?> FindAsync(int id, CancellationToken ct) =>
        db.CrewMembers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    public Task<bool> IsEnabledAsync(int id, CancellationToken ct) => db.CrewMembers.AnyAsync(c => c.Id == id && c.Enabled, ct);

    public Task<bool> AnyManagerAsync(CancellationToken ct) =>
        db.CrewMembers.AnyAsync(c => c.Enabled && c.Roles.Contains(CrewRoles.Manager), ct);

    /// <summary>
    /// Checks <paramref name="pin"/> for crew member <paramref name="crewId"/>. A locked account is refused before its PIN
    /// is looked at; the <see cref="KioskWebOptions.AccountSignInAttempts"/>th wrong PIN in a row locks it for
    /// <see cref="KioskWebOptions.AccountLockoutSeconds"/>, whichever address the attempts came from.
    /// </summary>
    public async Task<PinCheck> CheckPinAsync(int crewId, string pin, CancellationToken ct)
    {
        var now = clock.GetUtcNowForDatabase();
        var member = await db.CrewMembers.FirstOrDefaultAsync(c => c.Id == crewId, ct);
        if (member is null || !member.Enabled)
        {
            hasher.VerifyHashedPassword(new CrewMember { DisplayName = "" }, AbsentHash, pin);
            return new PinCheck(PinOutcome.Unknown, null, TimeSpan.Zero);
        }
        if (member.LockedUntil > now)
        {
            return new PinCheck(PinOutcome.LockedOut, member, member.LockedUntil.Value - now);
        }

        var verdict = hasher.VerifyHashedPassword(member, member.PinHash, pin);
        if (verdict == PasswordVerificationResult.Failed)
        {
            // One UPDATE counts the attempt and, at the limit, starts the lockout: two replicas counting at once both count.
            var attempts = Attempts;
            var lockedUntil = now + LockoutPeriod;
            await db.CrewMembers.Where(c => c.Id == crewId).ExecuteUpdateAsync(set => set
                .SetProperty(c => c.LockedUntil, c => c.FailedAttempts + 1 >= attempts ? lockedUntil : c.LockedUntil)
                .SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1 >= attempts ? 0 : c.FailedAttempts + 1), ct);
            var after = await db.CrewMembers.AsNoTracking().Where(c => c.Id == crewId)
                .Select(c => new { c.FailedAttempts, c.LockedUntil }).SingleAsync(ct);
            return after.LockedUntil > now
                ? new PinCheck(PinOutcome.LockedOut, member, after.LockedUntil.Value - now, JustLocked: true)
                : new PinCheck(PinOutcome.Wrong, member, TimeSpan.Zero);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            member.PinHash = hasher.HashPassword(member, pin);
        }
        member.FailedAttempts = 0;
        member.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        return new PinCheck(PinOutcome.Right, member, TimeSpan.Zero);
    }

    /// <summary>Why <paramref name="pin"/> cannot be a PIN, or null when it can.</summary>
    public static string? PinProblem(string? pin) =>
        string.IsNullOrEmpty(pin) || pin.Length < MinPinLength || pin.Length > MaxPinLength || !pin.All(char.IsAsciiDigit)
            ? $"A PIN is {MinPinLength} to {MaxPinLength} digits."
            : null;

    /// <summary>Adds a crew member; the caller has checked the name, the roles and the PIN.</summary>
    public async Task<CrewMember> AddAsync(string displayName, IEnumerable<string> roles, string pin, CancellationToken ct)
    {
        var now = clock.GetUtcNowForDatabase();
        var member = new CrewMember { DisplayName = displayName.Trim(), Roles = CrewRoles.Normalise(roles), CreatedAt = now, ChangedAt = now };
        member.PinHash = hasher.HashPassword(member, pin);
        db.CrewMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }

    public Task<bool> NameTakenAsync(string displayName, CancellationToken ct) =>
        db.CrewMembers.AnyAsync(c => c.DisplayName == displayName.Trim(), ct);

    /// <summary>Applies <paramref name="change"/> to crew member <paramref name="id"/>; null when there is none.</summary>
    public async Task<CrewMember?> ChangeAsync(int id, Action<CrewMember> change, CancellationToken ct)
    {
        var member = await db.CrewMembers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (member is null)
        {
            return null;
        }
        change(member);
        member.ChangedAt = clock.GetUtcNowForDatabase();
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>A new PIN also lifts a lockout: the manager has just spoken to the crew member.</summary>
    public Task<CrewMember?> ResetPinAsync(int id, string pin, CancellationToken ct) => ChangeAsync(id, member =>
    {
        member.PinHash = hasher.HashPassword(member, pin);
        member.FailedAttempts = 0;
        member.LockedUntil = null;
    }, ct);
}

public enum PinOutcome
{
    Right,
    Wrong,
    LockedOut,
    /// <summary>No such crew member, or disabled: answered like a wrong PIN.</summary>
    Unknown,
}

/// <summary>The answer to a PIN check; <see cref="LockedFor"/> is how long the account must still wait.</summary>
public sealed record PinCheck(PinOutcome Outcome, CrewMember? Member, TimeSpan LockedFor, bool JustLocked = false);
