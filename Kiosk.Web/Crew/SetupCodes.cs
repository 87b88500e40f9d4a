using System.Security.Cryptography;
using System.Text;
using Kiosk.Data;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Web.Crew;

/// <summary>
/// The first-run setup codes in the web database, shared by every replica: each replica that starts while no manager
/// exists issues its own, any unspent one works once, and creating the first manager spends them all.
/// </summary>
public sealed class SetupCodes(CrewDbContext db, CrewAccounts accounts, TimeProvider clock)
{
    /// <summary>How long a code stays good; a restart of the web app logs a fresh one.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int CodeLength = 10;

    /// <summary>Stores the hash of a new code (dropping expired ones) and returns the code, which is shown only once.</summary>
    public async Task<(string Code, DateTimeOffset ExpiresAt)> IssueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNowForDatabase();
        await db.SetupCodes.Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var code = RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);
        var issued = new SetupCode { CodeHash = Hash(code), IssuedAt = now, ExpiresAt = now + Lifetime };
        db.SetupCodes.Add(issued);
        await db.SaveChangesAsync(ct);
        return (code, issued.ExpiresAt);
    }

    /// <summary>Whether <paramref name="entered"/> is an unspent, unexpired code.</summary>
    public async Task<bool> IsUnspentAsync(string? entered, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(entered))
        {
            return false;
        }
        var hash = Hash(entered);
        var now = clock.GetUtcNowForDatabase();
        return await db.SetupCodes.AnyAsync(c => c.CodeHash == hash && c.ExpiresAt > now, ct);
    }

    /// <summary>
    /// Creates the first manager with <paramref name="entered"/> and spends every code, in one transaction; null when the
    /// code is not (or no longer) good or a manager exists by now.
    /// </summary>
    /// <remarks>
    /// The transaction first locks every code row: a second setup at the same moment, even with another replica's code,
    /// waits here and then finds the codes gone and the manager there.
    /// </remarks>
    public Task<CrewMember?> CreateFirstManagerAsync(string entered, string displayName, string pin, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var codes = await db.SetupCodes.FromSql($"SELECT * FROM setup_codes FOR UPDATE").AsNoTracking().ToListAsync(ct);
            var hash = Hash(entered);
            var now = clock.GetUtcNowForDatabase();
            if (!codes.Any(c => c.ExpiresAt > now && CryptographicOperations.FixedTimeEquals(c.CodeHash, hash))
                || await accounts.AnyManagerAsync(ct))
            {
                return null;
            }

            var manager = await accounts.AddAsync(displayName, [CrewRoles.Manager], pin, ct);
            await db.SetupCodes.ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            return manager;
        });

    /// <summary>Drops every code: a manager exists, so none may create another.</summary>
    public Task SpendAllAsync(CancellationToken ct) => db.SetupCodes.ExecuteDeleteAsync(ct);

    // The code is random (50 bits) and short-lived, so a plain SHA-256 keeps it out of the database; case and spaces
    // around it do not matter to whoever types it.
    private static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant()));
}
