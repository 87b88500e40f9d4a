namespace Kiosk.Data;

/// <summary>Section <c>Kiosk:Database</c>: when a service's migrations run.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Kiosk:Database";

    /// <summary>
    /// Apply migrations (and the seed) at every start (default). Off where a separate step runs <c>--migrate</c> before
    /// a new version rolls out, so replicas never race on the schema and the app's login needs no DDL rights.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Attempts before migrating fails for good (the database server may still be starting); default 10.</summary>
    public int MigrationAttempts { get; set; } = 10;
}
