using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// The right to relay one service's outbox for one round: a PostgreSQL session advisory lock on the round's own
/// connection. Only one replica holds it at a time; it is released at the end of the round, or by the server as soon as
/// the holder's connection drops (a crashed replica), so another replica takes over at once.
/// </summary>
internal sealed class OutboxRelayLease : IAsyncDisposable
{
    // Advisory locks are per database and each service owns its database, so one constant key serves every service.
    private const long LockKey = 0x4B696F736B_0B01;
    private const string LockNotAvailable = "55P03";

    private readonly DbContext _db;
    private readonly DbConnection _connection;

    private OutboxRelayLease(DbContext db, DbConnection connection) => (_db, _connection) = (db, connection);

    /// <summary>
    /// Waits up to <paramref name="wait"/> while another replica finishes its round (rounds last milliseconds), so a
    /// replica woken by its own commit publishes right after, not at its next poll.
    /// </summary>
    /// <returns>The lease, or null when another replica held it for the whole wait.</returns>
    public static async Task<OutboxRelayLease?> TryAcquireAsync(DbContext db, TimeSpan wait, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        try
        {
            await using var command = connection.CreateCommand();
            // lock_timeout bounds the wait in the server itself; the setting lives only as long as this session's use.
            command.CommandText = $"SET lock_timeout = {(int)wait.TotalMilliseconds}; SELECT pg_advisory_lock({LockKey});";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new OutboxRelayLease(db, connection);
        }
        catch (DbException ex) when (ex.SqlState == LockNotAvailable)
        {
            await using var reset = connection.CreateCommand();
            reset.CommandText = "RESET lock_timeout;";
            await reset.ExecuteNonQueryAsync(cancellationToken);
            await db.Database.CloseConnectionAsync();
            return null;
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var _ = SuppressInstrumentationScope.Begin();
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT pg_advisory_unlock({LockKey}); RESET lock_timeout;";
            await command.ExecuteNonQueryAsync();
        }
        catch (DbException)
        {
            // The connection is gone, and the lock went with it.
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }
}
