using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.UnitTests.Postgres;

/// <summary>An AppHost builder with the given configuration, as the real AppHost would see it.</summary>
internal static class PostgresTestBuilder
{
    public static IDistributedApplicationBuilder Create(params (string Key, string Value)[] settings)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            // The AppHost assembly carries the orchestrator's location, needed when a test starts the app.
            AssemblyName = typeof(Kiosk.AppHost.Postgres.PostgresResourceExtensions).Assembly.GetName().Name,
            DisableDashboard = true,
            AllowUnsecuredTransport = true,
        });
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        return builder;
    }
}

/// <summary>A fresh data directory whose parent the 'postgres' user can traverse; removed afterwards.</summary>
internal sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory()
    {
        Directory.CreateDirectory(Root);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"kiosk-pg-test-{Guid.NewGuid():N}");

    public string DataDir => Path.Combine(Root, "data");

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>The arguments and environment the orchestrator would start a resource with.</summary>
internal static class LaunchConfiguration
{
    public static async Task<(string[] Args, IReadOnlyDictionary<string, string> Environment)> ResolveAsync(IResource resource)
    {
        var result = await ExecutionConfigurationBuilder.Create(resource)
            .WithArgumentsConfig()
            .WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run),
                NullLogger.Instance, CancellationToken.None);
        return ([.. result.Arguments.Select(a => a.Value)], result.EnvironmentVariables.ToDictionary());
    }
}
