using Kiosk.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Beside IHost's own Run extensions, so every Program.cs finds it without a using.
namespace Microsoft.Extensions.Hosting;

/// <summary>
/// <c>dotnet Kiosk.Menu.dll --migrate</c>: applies the service's migrations (and seed) and exits, 0 when done and
/// non-zero with the reason in the log when not; nothing else starts (no HTTP port, no broker connection). Deployments
/// run it as a step of its own before the new version starts, with <c>Kiosk:Database:MigrateOnStart=false</c>.
/// </summary>
public static class MigrateMode
{
    public const string Switch = "--migrate";
    public const int Failed = 1;
    public const int Misused = 2;

    /// <summary>Migrates and exits when <paramref name="args"/> hold <c>--migrate</c>; otherwise runs the app until it stops.</summary>
    public static async Task<int> RunOrMigrateAsync(this IHost host, string[] args)
    {
        if (!args.Contains(Switch))
        {
            await host.RunAsync();
            // A background service that failed stopped the host and set the exit code for its orchestrator to see.
            return Environment.ExitCode;
        }
        try
        {
            return await MigrateAsync(host.Services, args);
        }
        finally
        {
            // Flushes the log before the process exits.
            if (host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, string[] args)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateMode));
        if (args[^1] != Switch)
        {
            // The command line reads "--migrate --key=value" as the setting "migrate" with the value "--key=value".
            logger.LogCritical("{Switch} must be the last argument: settings after it would be read as its value and lost", Switch);
            return Misused;
        }
        var migrations = services.GetServices<IDatabaseMigration>().ToList();
        if (migrations.Count == 0)
        {
            logger.LogCritical("{Switch}: this app has no database to migrate", Switch);
            return Misused;
        }
        foreach (var migration in migrations)
        {
            try
            {
                await migration.MigrateAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogCritical(ex, "Migrating {Context} failed: {Reason}", migration.ContextName, ex.Message);
                return Failed;
            }
        }
        logger.LogInformation("Migrated {Contexts}; exiting", string.Join(", ", migrations.Select(m => m.ContextName)));
        return 0;
    }
}
