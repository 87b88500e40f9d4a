using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiosk.Data;

/// <summary>One database's migrations and seed, run at start-up or by <c>--migrate</c>.</summary>
public interface IDatabaseMigration
{
    string ContextName { get; }

    Task MigrateAsync(CancellationToken cancellationToken);
}

internal sealed class DatabaseMigration<TContext>(
    IServiceProvider services, Func<TContext, CancellationToken, Task>? seed, int attempts) : IDatabaseMigration
    where TContext : DbContext
{
    public string ContextName => typeof(TContext).Name;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILogger<DatabaseMigration<TContext>>>();
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
                logger.LogInformation("{Context} migrated", ContextName);
                return;
            }
            catch (Exception ex) when (attempt < attempts && !cancellationToken.IsCancellationRequested)
            {
                // The database server may still be starting; anything else fails the same way every time and surfaces.
                logger.LogWarning(ex, "Migrating {Context} failed (attempt {Attempt} of {Attempts}); retrying", ContextName, attempt, attempts);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }
}
