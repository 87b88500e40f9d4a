using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kiosk.AppHost.Postgres;

/// <summary>
/// Gives a <see cref="KioskPostgresDatabaseResource"/> a life of its own: waits for its server, creates the
/// database when missing and then reports the resource Running, so that its health check and WaitFor can follow.
/// </summary>
internal static class PostgresDatabaseProvisioner
{
    private const string ResourceType = "PostgresDatabase";
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    public static IResourceBuilder<KioskPostgresDatabaseResource> WithProvisioning(this IResourceBuilder<KioskPostgresDatabaseResource> builder)
    {
        builder.ApplicationBuilder.Eventing.Subscribe<InitializeResourceEvent>(builder.Resource, (e, ct) => ProvisionAsync(builder.Resource, e, ct));
        return builder.WithInitialState(new CustomResourceSnapshot
        {
            ResourceType = ResourceType,
            State = KnownResourceStates.Waiting,
            Properties = [new("postgres.database", builder.Resource.DatabaseName)],
        });
    }

    private static async Task ProvisionAsync(KioskPostgresDatabaseResource database, InitializeResourceEvent e, CancellationToken cancellationToken)
    {
        try
        {
            if (database.Parent is LocalPostgresServerResource server)
            {
                await e.Notifications.WaitForResourceHealthyAsync(server.Name, WaitBehavior.StopOnResourceUnavailable, cancellationToken);
            }

            await CreateWhenMissingAsync(database, e.Logger, cancellationToken);
            await e.Notifications.PublishUpdateAsync(database, s => s with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The AppHost is shutting down before the database was ready.
        }
        catch (Exception ex)
        {
            e.Logger.LogError(ex, "Database '{Database}' could not be provisioned.", database.DatabaseName);
            await e.Notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.FailedToStart });
        }
    }

    private static async Task CreateWhenMissingAsync(KioskPostgresDatabaseResource database, ILogger logger, CancellationToken cancellationToken)
    {
        // The maintenance database always exists, so this connection works before ours does.
        var serverConnectionString = new NpgsqlConnectionStringBuilder(await PostgresConnections.UnpooledAsync(database.Parent, cancellationToken))
        {
            Database = "postgres",
        }.ConnectionString;

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(serverConnectionString);
                await connection.OpenAsync(cancellationToken);
                await CreateAsync(connection, database.DatabaseName, logger, cancellationToken);
                return;
            }
            catch (NpgsqlException ex) when (ex is not PostgresException || ex is PostgresException { SqlState: PostgresErrorCodes.CannotConnectNow })
            {
                // Unreachable or still starting (an external server may come up later): keep trying until the AppHost stops.
                // Any other server answer (bad password, no permission) will not change by waiting, so it fails the resource.
                logger.LogWarning("Attempt {Attempt} to reach the server for database '{Database}' failed: {Message}", attempt, database.DatabaseName, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, MaxRetryDelay.TotalSeconds)), cancellationToken);
            }
        }
    }

    private static async Task CreateAsync(NpgsqlConnection connection, string databaseName, ILogger logger, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = databaseName } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        try
        {
            // CREATE DATABASE takes no parameters: quote the name as an identifier instead.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Created database '{Database}'.", databaseName);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Someone else (a service's migrations) created it between the check and the create.
        }
    }
}
