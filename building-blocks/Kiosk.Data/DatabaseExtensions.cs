using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the PostgreSQL database named <paramref name="connectionName"/>
    /// (health check, tracing and retries included) and its migrations (with <paramref name="seed"/>, the data every
    /// database starts with). They run before the service takes requests unless <c>Kiosk:Database:MigrateOnStart</c> is
    /// false, for deployments that migrate as a separate step (<c>--migrate</c>, see <see cref="MigrateMode"/>).
    /// </summary>
    public static IHostApplicationBuilder AddKioskDbContext<TContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Func<TContext, CancellationToken, Task>? seed = null) where TContext : DbContext
    {
        builder.AddNpgsqlDbContext<TContext>(connectionName,
            settings => settings.ConnectionString = ConnectionTuning.Apply(settings.ConnectionString));
        // The outbox relays poll the database every few seconds; their SQL would drown every other log line.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSingleton(services => new DatabaseMigration<TContext>(services, seed, options.MigrationAttempts));
        builder.Services.AddSingleton<IDatabaseMigration>(services => services.GetRequiredService<DatabaseMigration<TContext>>());
        if (options.MigrateOnStart)
        {
            // A hosted service at this point of the registration: the schema exists before the services registered after it start.
            builder.Services.AddHostedService(services => new MigrateOnStart(services.GetRequiredService<DatabaseMigration<TContext>>()));
        }
        return builder;
    }
}

/// <summary>Runs at start-up, before Kestrel listens: the schema exists before the first request or message.</summary>
internal sealed class MigrateOnStart(IDatabaseMigration migration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migration.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
