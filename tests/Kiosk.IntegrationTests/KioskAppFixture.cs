using System.Net.Http.Headers;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiosk.IntegrationTests;

/// <summary>
/// Starts the real AppHost once for the whole collection, in its default mode (here: local PostgreSQL and the embedded
/// broker), on free ports and a fresh database directory, and waits until every resource is healthy. A collection that
/// needs the app configured otherwise (e.g. replicas) derives from it and adds <see cref="ExtraArguments"/>.
/// </summary>
public class KioskAppFixture : IAsyncLifetime
{
    public const string StaffApiKeyForTests = "staff-key-for-tests";
    /// <summary>The crew the web app seeds in Development (Kiosk:Crew:DevManagerPin and Kiosk:Crew:DevCrew), one per role.</summary>
    public static readonly CrewLogin ManagerForTests = new("Manager", "2468");
    public static readonly CrewLogin CashierForTests = new("Casey Cashier", "1357");
    public static readonly CrewLogin KitchenForTests = new("Kit Kitchen", "2580");
    /// <summary>Only for the per-account lockout test: its account is locked for the rest of the run.</summary>
    public static readonly CrewLogin LockoutTargetForTests = new("Lou Lockout", "3690");
    /// <summary>Topics of their own for the broker tests, created by the embedded broker at start-up.</summary>
    public const string TraceTestTopic = "kiosk-test-trace";
    public const string OutageTestTopic = "kiosk-test-outage";
    public const string WakeTestTopic = "kiosk-test-wake";
    public const string NewPartitionTestTopic = "kiosk-test-new-partition";
    public static readonly TimeSpan NotReadyTimeout = TimeSpan.FromSeconds(12);
    public const int LiveStreamSeconds = 12;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "kiosk-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public DistributedApplication App { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;
    public Uri GatewayUrl { get; private set; } = null!;
    public CrewLogin Manager => ManagerForTests;
    public CrewLogin Cashier => CashierForTests;
    public CrewLogin Kitchen => KitchenForTests;
    public string KafkaBootstrapServers { get; private set; } = null!;
    public Uri KafkaControlUrl { get; private set; } = null!;
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The resources the AppHost declares; each must reach Healthy.</summary>
    public static IReadOnlyList<string> ResourceNames { get; } =
        ["postgres", "menudb", "cartdb", "ordersdb", "paymentsdb", "webdb", "kafka", "menu", "cart", "orders", "payments", "web", "gateway"];

    /// <summary>More AppHost arguments, after the defaults (a later value of the same key wins).</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    public virtual async Task InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Kiosk_AppHost>(
        [
            "--Kiosk:Kafka:Port=0",
            $"--Kiosk:Kafka:Topics={TraceTestTopic},{OutageTestTopic},{WakeTestTopic},{NewPartitionTestTopic}",
            "--Kiosk:Gateway:Port=0",
            // The suite's own load comes from 127.0.0.1; the rate-limit tests flood from 127.0.0.2 and 127.0.0.3.
            "--Kiosk:Gateway:RateLimits:ExemptNetworks:0=127.0.0.1/32",
            $"--Kiosk:Postgres:DataDir={_dataDirectory}",
            "--Kiosk:Web:IdleSeconds=5",
            "--Kiosk:Web:ConfirmationSeconds=8",
            // Live streams end (and browsers resume them with Last-Event-ID) every few seconds, so tests see it happen.
            $"--Kiosk:Web:LiveStreamSeconds={LiveStreamSeconds}",
            $"--Parameters:staff-api-key={StaffApiKeyForTests}",
            $"--Kiosk:Crew:DevManagerPin={ManagerForTests.Pin}",
            .. DevCrew(0, CashierForTests, "Cashier"),
            .. DevCrew(1, KitchenForTests, "Kitchen"),
            .. DevCrew(2, LockoutTargetForTests, "Cashier"),
            .. ExtraArguments,
        ], timeout.Token);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));

        // The test host runs no dashboard: without a collector, exporting would only spin retries and stall every shutdown.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            project.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
                context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT")));
        }

        // A payment for an unknown order waits this long before it is parked (2 minutes in production).
        builder.Resources.OfType<ProjectResource>().Single(p => p.Name == "orders").Annotations.Add(
            new EnvironmentCallbackAnnotation(context =>
                context.EnvironmentVariables["Kafka__Consumer__NotReadyTimeout"] = NotReadyTimeout.ToString("c")));

        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);

        foreach (var resource in ResourceNames)
        {
            await WaitHealthyAsync(resource, timeout.Token);
        }

        GatewayUrl = App.GetEndpoint("gateway", "http");
        Gateway = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        KafkaBootstrapServers = await App.GetConnectionStringAsync("kafka", timeout.Token)
            ?? throw new InvalidOperationException("The kafka resource has no connection string.");
        // An external broker (Kiosk:Kafka:Mode=external) has no control surface.
        if (App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "kafka") is Kiosk.AppHost.Kafka.KafkaBrokerResource)
        {
            KafkaControlUrl = App.GetEndpoint("kafka", "control");
        }
        StartupTime = started.Elapsed;
    }

    private static string[] DevCrew(int index, CrewLogin crew, string roles) =>
    [
        $"--Kiosk:Crew:DevCrew:{index}:Name={crew.Name}",
        $"--Kiosk:Crew:DevCrew:{index}:Roles={roles}",
        $"--Kiosk:Crew:DevCrew:{index}:Pin={crew.Pin}",
    ];

    public HttpClient CreateStaffClient()
    {
        var client = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", StaffApiKeyForTests);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Stops a resource, as the dashboard's Stop button does, and waits until it has exited.</summary>
    public async Task StopAsync(string resourceName)
    {
        await ExecuteCommandAsync(resourceName, KnownResourceCommands.StopCommand);
        using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await App.ResourceNotifications.WaitForResourceAsync(
            resourceName, [KnownResourceStates.Exited, KnownResourceStates.Finished], stopped.Token);
    }

    /// <summary>Starts a stopped resource again and waits until it is healthy.</summary>
    public async Task StartAsync(string resourceName)
    {
        await ExecuteCommandAsync(resourceName, KnownResourceCommands.StartCommand);
        using var started = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        // Until the start takes effect the resource can still read Exited, which the healthy wait takes for a failure.
        await App.ResourceNotifications.WaitForResourceAsync(resourceName,
            e => e.Snapshot.State?.Text is { } state && state != KnownResourceStates.Exited && state != KnownResourceStates.Finished,
            started.Token);
        await WaitHealthyAsync(resourceName, started.Token);
    }

    private async Task ExecuteCommandAsync(string resourceName, string command)
    {
        var resource = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resourceName);
        var result = await App.ResourceCommands.ExecuteCommandAsync(resource, command);
        Assert.True(result.Success, $"'{command}' on {resourceName} failed: {result.Message}");
    }

    private async Task WaitHealthyAsync(string resource, CancellationToken cancellationToken)
    {
        try
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Resource '{resource}' did not become healthy within {StartTimeout.TotalMinutes} minutes.");
        }
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A crew member's sign-in: the name picked from the list, and their PIN.</summary>
public sealed record CrewLogin(string Name, string Pin);

[CollectionDefinition(Name)]
public sealed class KioskCollection : ICollectionFixture<KioskAppFixture>, ICollectionFixture<Browser.BrowserFixture>
{
    public const string Name = "Kiosk app";
}
