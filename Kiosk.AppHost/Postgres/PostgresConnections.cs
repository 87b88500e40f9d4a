using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Kiosk.AppHost.Postgres;

internal static class PostgresConnections
{
    /// <summary>
    /// The resource's connection string without pooling: an idle pooled connection held by the AppHost
    /// would make postgres' smart shutdown (SIGTERM) wait for it.
    /// </summary>
    public static async Task<string> UnpooledAsync(IResourceWithConnectionString resource, CancellationToken cancellationToken)
    {
        var connectionString = await resource.GetConnectionStringAsync(cancellationToken)
            ?? throw new InvalidOperationException($"The connection string of '{resource.Name}' is not available yet.");
        return new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString;
    }

    /// <summary>Registers a <see cref="PostgresHealthCheck"/> for the resource so that WaitFor means "answers queries".</summary>
    public static IResourceBuilder<T> WithPostgresHealthCheck<T>(this IResourceBuilder<T> builder)
        where T : IResourceWithConnectionString
    {
        var key = $"{builder.Resource.Name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(key, _ => new PostgresHealthCheck(builder.Resource), failureStatus: null, tags: null));
        return builder.WithHealthCheck(key);
    }
}
