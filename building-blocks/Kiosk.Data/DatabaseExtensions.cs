using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the PostgreSQL database named <paramref name="connectionName"/>
    /// (health check, tracing and retries included) and applies its migrations before the service takes requests.
    /// </summary>
    public static IHostApplicationBuilder AddKioskDbContext<TContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Func<TContext, CancellationToken, Task>? seed = null) where TContext : DbContext
    {
        builder.AddNpgsqlDbContext<TContext>(connectionName);
        // The outbox relays poll the database every few seconds; their SQL would drown every other log line.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Services.AddHostedService(sp => new DatabaseMigrator<TContext>(sp, seed));
        return builder;
    }
}

/// <summary>Runs at start-up, before Kestrel listens: the schema exists before the first request or message.</summary>
internal sealed class DatabaseMigrator<TContext>(IServiceProvider services, Func<TContext, CancellationToken, Task>? seed)
    : IHostedService where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILogger<DatabaseMigrator<TContext>>>();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                await db.Database.MigrateAsync(cancellationToken);
                if (seed is not null)
                {
                    await seed(db, cancellationToken);
                }
                logger.LogInformation("{Context} migrated", typeof(TContext).Name);
                return;
            }
            catch (Exception ex) when (attempt < 10 && !cancellationToken.IsCancellationRequested)
            {
                // The database server may still be starting; anything else will fail the same way ten times and surface.
                logger.LogWarning(ex, "Migrating {Context} failed (attempt {Attempt}); retrying", typeof(TContext).Name, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
