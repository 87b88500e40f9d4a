using System.Data.Common;
using Npgsql;

namespace Kiosk.Data;

/// <summary>
/// Npgsql settings that every service's connection string gets unless it names them itself. A kiosk system runs the
/// same few dozen statements all day (an order's status read alone thousands of times an hour), so:
/// <list type="bullet">
/// <item>each connection prepares a statement on the server at its second use, and later runs skip PostgreSQL's parse
/// and plan (<c>Max Auto Prepare</c>; behind a transaction-mode pooler such as PgBouncer, set it to 0);</item>
/// <item>a connection going back to the pool is not reset (<c>No Reset On Close</c>): the reset is a statement batch of
/// its own in front of the next use, about as costly as the read it precedes. No Kiosk code leaves session state behind:
/// settings are transaction-local (<c>set_config(…, true)</c>), an open transaction is still rolled back, and the one
/// session lock (the outbox relay's lease) is released by its owner, which discards a connection it could not clean.</item>
/// </list>
/// </summary>
internal static class ConnectionTuning
{
    /// <summary>Statements each connection keeps prepared; more than the busiest service uses, so none is evicted.</summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>A statement is prepared at its second use: one-off statements (migrations, reports) are not.</summary>
    public const int AutoPrepareMinUsages = 2;

    public static string? Apply(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }
        // Npgsql's own builder knows every keyword whether set or not; the plain one holds only what the string says.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(given, "Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }
        if (!Names(given, "Auto Prepare Min Usages"))
        {
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }
        if (!Names(given, "No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>Whether the string sets the keyword, spelt with or without its spaces.</summary>
    private static bool Names(DbConnectionStringBuilder given, string keyword) =>
        given.ContainsKey(keyword) || given.ContainsKey(keyword.Replace(" ", "", StringComparison.Ordinal));
}
