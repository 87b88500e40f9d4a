using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenTelemetry;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// The right to relay one service's outbox for one round: a PostgreSQL session advisory lock on the round's own
/// connection. Only one replica holds it at a time; it is released at the end of the round, or by the server as soon as
/// the holder's connection drops (a crashed replica), so another replica takes over at once.
/// <para>
/// Pooled connections are not reset when they go back to the pool (see Kiosk.Data's connection tuning), so the lease
/// leaves its connection as it found it: the wait setting ends with the lock statement, the lock with the round, and a
/// connection that could not be cleaned is discarded rather than handed to the next request.
/// </para>
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
    /// replica woken by its own commit publishes right after, not at its next poll. Once the lock is held, the same round
    /// trip runs <paramref name="readSql"/> (the round's first read), so a round reaches its first publish after one
    /// database round trip, not two.
    /// </summary>
    /// <returns>The lease and the read's rows, or (null, empty) when another replica held it for the whole wait.</returns>
    public static async Task<(OutboxRelayLease? Lease, List<T> Rows)> TryAcquireAndReadAsync<T>(
        DbContext db, TimeSpan wait, string readSql, Func<DbDataReader, T> readRow, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        try
        {
            // One batch, one implicit transaction. lock_timeout bounds the wait in the server itself and is reset as soon
            // as the lock is held; the read runs after the lock, so it sees every round committed before this one.
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new($"SET lock_timeout = {(int)wait.TotalMilliseconds}"),
                    new($"SELECT pg_advisory_lock({LockKey})"),
                    new("RESET lock_timeout"),
                    new(readSql),
                },
            };
            var rows = new List<T>();
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
            {
                // The lock's own result comes first (the SETs return none), the read's rows next.
                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(readRow(reader));
                }
            }
            return (new OutboxRelayLease(db, connection), rows);
        }
        catch (DbException ex) when (ex.SqlState == LockNotAvailable)
        {
            // The failed batch rolled back its SET; resetting again costs a round trip only on this rare path.
            await using var reset = connection.CreateCommand();
            reset.CommandText = "RESET lock_timeout;";
            await reset.ExecuteNonQueryAsync(cancellationToken);
            await db.Database.CloseConnectionAsync();
            return (null, []);
        }
        catch
        {
            // e.g. cancelled mid-wait, or the read failed: the lock may have been granted and the setting is still on.
            await DiscardAsync(db, connection);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var _ = SuppressInstrumentationScope.Begin();
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT pg_advisory_unlock({LockKey});";
            await command.ExecuteNonQueryAsync();
            await _db.Database.CloseConnectionAsync();
        }
        catch (DbException)
        {
            // Usually the connection is gone and the lock went with it; if not, the lock must not outlive this round.
            await DiscardAsync(_db, _connection);
        }
    }

    /// <summary>Closes the connection for good (not back into the pool): the server then drops its locks and settings.</summary>
    private static async Task DiscardAsync(DbContext db, DbConnection connection)
    {
        if (connection is NpgsqlConnection npgsql && npgsql.State != System.Data.ConnectionState.Closed)
        {
            // Marks this pool's connections to be closed instead of reused: rare (a failed round), and never wrong.
            NpgsqlConnection.ClearPool(npgsql);
        }
        await db.Database.CloseConnectionAsync();
    }
}
