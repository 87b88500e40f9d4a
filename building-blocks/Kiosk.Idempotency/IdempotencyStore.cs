using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Idempotency;

/// <summary>The three statements of the mechanism, all run inside the request's transaction.</summary>
internal static class IdempotencyStore
{
    /// <summary>
    /// Takes the key for this request: true when this transaction now owns it (a new key, or one whose stored answer had
    /// expired), false when a live answer is stored. While another transaction holds the key, PostgreSQL makes this wait
    /// for it (up to the transaction's <c>lock_timeout</c>): the loser of a race sees the winner's committed answer.
    /// </summary>
    public static async Task<bool> ClaimAsync(
        this DbContext db, string scope, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expiresAt = now + IdempotencyKey.Lifetime;
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, status_code, body, created_at, expires_at)
            VALUES ({scope}, {key}, {requestHash}, 0, ''::bytea, {now}, {expiresAt})
            ON CONFLICT (scope, idempotency_key) DO UPDATE
                SET request_hash = excluded.request_hash, status_code = 0, content_type = NULL, location = NULL,
                    body = excluded.body, created_at = excluded.created_at, expires_at = excluded.expires_at
                WHERE idempotency_keys.expires_at <= excluded.created_at
            """, cancellationToken);
        return claimed == 1;
    }

    public static Task<IdempotencyRecord?> FindAsync(this DbContext db, string scope, string key, CancellationToken cancellationToken) =>
        db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);

    public static Task<int> SaveAnswerAsync(
        this DbContext db, string scope, string key, StoredAnswer answer, CancellationToken cancellationToken) =>
        db.Set<IdempotencyRecord>()
            .Where(r => r.Scope == scope && r.Key == key)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.StatusCode, answer.StatusCode)
                .SetProperty(r => r.ContentType, answer.ContentType)
                .SetProperty(r => r.Location, answer.Location)
                .SetProperty(r => r.Body, answer.Body), cancellationToken);

    /// <summary>Sets how long this transaction waits for a key another request holds.</summary>
    public static Task SetLockTimeoutAsync(this DbContext db, TimeSpan timeout, CancellationToken cancellationToken) =>
        // set_config(…, true) is SET LOCAL with a parameter: it ends with the transaction.
        db.Database.ExecuteSqlAsync(
            $"SELECT set_config('lock_timeout', {((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}, true)",
            cancellationToken);
}
