using Kiosk.Data;
using Kiosk.Web.Crew;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosk.Web.Security;

/// <summary>
/// Counts wrong staff PINs (and setup codes) per client address. After <see cref="KioskWebOptions.SignInAttempts"/> of
/// them within <see cref="KioskWebOptions.SignInLockoutSeconds"/>, that address may not try again until the same period
/// has passed.
/// </summary>
/// <remarks>
/// Kept in the web database (<c>sign_in_addresses</c>), so every replica counts against the same total: a guesser whose
/// requests are spread over replicas gets no more tries than one talking to a single replica. Each failure is one
/// atomic upsert, so failures counted at the same moment by two replicas are both counted.
/// </remarks>
public sealed class SignInThrottle(CrewDbContext db, IOptions<KioskWebOptions> options, TimeProvider clock)
{
    private int Attempts => Math.Max(1, options.Value.SignInAttempts);
    private TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, options.Value.SignInLockoutSeconds));

    /// <summary>How long <paramref name="client"/> must still wait before it may enter a PIN; zero when it may try now.</summary>
    public async Task<TimeSpan> LockedForAsync(string client, CancellationToken ct)
    {
        var now = clock.GetUtcNowForDatabase();
        var lockedUntil = await LockedUntil(client).FirstOrDefaultAsync(ct);
        return Remaining(lockedUntil, now);
    }

    /// <summary>Counts a wrong PIN from <paramref name="client"/>; the last one allowed starts the lockout.</summary>
    public async Task<SignInFailure> RecordFailureAsync(string client, CancellationToken ct)
    {
        var now = clock.GetUtcNowForDatabase();
        var counted = (await CountFailure(client, now).ToListAsync(ct)).Single();
        await Prune(now).ExecuteDeleteAsync(ct);
        return Failure(counted, now);
    }

    /// <summary>The right PIN wipes the slate: the crew member's earlier typos no longer count.</summary>
    public Task RecordSuccessAsync(string client, CancellationToken ct) =>
        Address(client).ExecuteDeleteAsync(ct);

    private IQueryable<SignInAddress> Address(string client) => db.SignInAddresses.Where(a => a.Client == client);

    private IQueryable<DateTimeOffset?> LockedUntil(string client) => Address(client).Select(a => a.LockedUntil);

    // Keeps the table bounded by the addresses that failed within the last period: an older row's failures have all slid
    // out of the window, and its lockout (which starts at its last failure) has ended.
    private IQueryable<SignInAddress> Prune(DateTimeOffset now)
    {
        var cutoff = now - Period;
        return db.SignInAddresses.Where(a => a.ChangedAt <= cutoff);
    }

    /// <summary>
    /// One statement: drops the failures older than the period, adds this one, and at the limit starts the lockout and
    /// clears the count. ON CONFLICT reads the row as the other replica left it, so no failure is lost. (Not composable:
    /// run it with ToList, never Single, which would wrap the INSERT in a SELECT.)
    /// </summary>
    private IQueryable<CountedFailure> CountFailure(string client, DateTimeOffset now)
    {
        var (attempts, cutoff, lockedUntil) = (Attempts, now - Period, now + Period);
        return db.Database.SqlQuery<CountedFailure>($"""
            INSERT INTO sign_in_addresses AS a (client, failures, locked_until, changed_at)
            VALUES ({client},
                    CASE WHEN {attempts} <= 1 THEN ARRAY[]::timestamptz[] ELSE ARRAY[{now}]::timestamptz[] END,
                    CASE WHEN {attempts} <= 1 THEN {lockedUntil} END,
                    {now})
            ON CONFLICT (client) DO UPDATE SET
                failures = CASE
                    WHEN cardinality(ARRAY(SELECT f FROM unnest(a.failures) f WHERE f > {cutoff})) + 1 >= {attempts}
                        THEN ARRAY[]::timestamptz[]
                    ELSE ARRAY(SELECT f FROM unnest(a.failures) f WHERE f > {cutoff}) || {now} END,
                locked_until = CASE
                    WHEN cardinality(ARRAY(SELECT f FROM unnest(a.failures) f WHERE f > {cutoff})) + 1 >= {attempts}
                        THEN {lockedUntil}
                    ELSE a.locked_until END,
                changed_at = {now}
            RETURNING cardinality(a.failures) AS "Pending", a.locked_until AS "LockedUntil"
            """);
    }

    // A failure that started the lockout was the limit's last one; otherwise the count is what is still pending.
    private SignInFailure Failure(CountedFailure counted, DateTimeOffset now)
    {
        var lockedFor = Remaining(counted.LockedUntil, now);
        return new SignInFailure(lockedFor > TimeSpan.Zero ? Attempts : counted.Pending, Attempts, lockedFor);
    }

    private static TimeSpan Remaining(DateTimeOffset? lockedUntil, DateTimeOffset now) =>
        lockedUntil > now ? lockedUntil.Value - now : TimeSpan.Zero;

    private sealed class CountedFailure
    {
        public int Pending { get; init; }
        public DateTimeOffset? LockedUntil { get; init; }
    }
}

/// <summary>A wrong PIN counted: the <paramref name="Count"/>th of <paramref name="Allowed"/>, and the lockout it started, if any.</summary>
public readonly record struct SignInFailure(int Count, int Allowed, TimeSpan LockedFor)
{
    public bool LockedOut => LockedFor > TimeSpan.Zero;
}
