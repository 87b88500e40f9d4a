using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Kiosk.AppHost.Postgres;

/// <summary>Healthy when <c>SELECT 1</c> succeeds through the resource's connection string.</summary>
internal sealed class PostgresHealthCheck(IResourceWithConnectionString resource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(await PostgresConnections.UnpooledAsync(resource, cancellationToken));
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"'{resource.Name}' does not answer yet: {ex.Message}");
        }
    }
}
