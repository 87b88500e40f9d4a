using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiosk.Benchmarks;

public sealed record ResourceStartup(string Resource, double HealthySeconds, double? ReadySeconds);

/// <summary>The whole AppHost started in-process on free ports and a fresh database directory, as the integration tests do.</summary>
public sealed class StartedAppHost(string staffKey) : IAsyncDisposable
{
    // Generous: on a shared two-core machine under heavy load, launching every process alone has taken over three minutes.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8);

    /// <summary>Every resource the AppHost declares that must reach Healthy.</summary>
    private static readonly string[] ResourceNames =
        ["postgres", "menudb", "cartdb", "ordersdb", "paymentsdb", "webdb", "kafka", "menu", "cart", "orders", "payments", "web", "gateway"];

    /// <summary>The ASP.NET projects; each maps /health (database and Kafka checks included).</summary>
    private static readonly string[] Projects = ["menu", "cart", "orders", "payments", "web", "gateway"];

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "kiosk-bench-" + Guid.NewGuid().ToString("N")[..12]);
    private DistributedApplication? _app;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _ready = new();

    public Uri GatewayUrl { get; private set; } = null!;

    /// <summary>The menu service itself, to measure what the gateway adds.</summary>
    public Uri MenuUrl { get; private set; } = null!;
    public TimeSpan StartupTime { get; private set; }
    public IReadOnlyList<ResourceStartup> Startup { get; private set; } = [];

    public async Task StartAsync()
    {
        var started = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Kiosk_AppHost>(
        [
            "--Kiosk:Kafka:Port=0",
            "--Kiosk:Gateway:Port=0",
            // Every simulated kiosk calls from this host: the per-address limits would turn the load test away.
            "--Kiosk:Gateway:RateLimits:ExemptNetworks:0=127.0.0.1/32",
            $"--Kiosk:Postgres:DataDir={_dataDirectory}",
            $"--Parameters:staff-api-key={staffKey}",
            $"--Kiosk:Crew:DevManagerPin={ManyStreamsScenario.ManagerPin}",
            "--Logging:LogLevel:Default=Warning",
        ], timeout.Token);
        // Console output of the resources and failing probes while they start are expected; the numbers are the output here.
        builder.Services.AddLogging(logging => logging
            .AddFilter("Kiosk.AppHost.Resources", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));

        // No dashboard runs here: without a collector, every process would spend CPU on failing OTLP exports and their
        // retries (a tenth of the gateway's CPU samples). The integration tests' host removes the endpoint likewise.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            project.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
                context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT")));
        }

        _app = await builder.BuildAsync(timeout.Token);
        // Watched from before the start: StartAsync itself returns only once the orchestrator has launched everything.
        var appStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resources = Task.WhenAll(ResourceNames.Select(name => WaitAsync(name, started, appStarted.Task, timeout.Token)));
        Report.Progress($"kiosk: AppHost built after {started.Elapsed.TotalSeconds:0.0} s; starting its resources");
        await _app.StartAsync(timeout.Token);
        appStarted.SetResult();
        Report.Progress($"kiosk: orchestrator launched everything after {started.Elapsed.TotalSeconds:0.0} s");
        try
        {
            Startup = await resources;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var waiting = ResourceNames.Where(name => !_ready.ContainsKey(name));
            throw new TimeoutException($"The AppHost was not ready within {StartTimeout.TotalMinutes} minutes; not ready: {string.Join(", ", waiting)}.");
        }
        StartupTime = started.Elapsed;
        GatewayUrl = _app.GetEndpoint("gateway", "http");
        MenuUrl = _app.GetEndpoint("menu", "http");
    }

    // Aspire counts a project without a health check as healthy once its process runs, so projects are
    // ready only when their own /health answers 200.
    private async Task<ResourceStartup> WaitAsync(string name, Stopwatch started, Task appStarted, CancellationToken cancellationToken)
    {
        await _app!.ResourceNotifications.WaitForResourceHealthyAsync(name, cancellationToken);
        var healthy = started.Elapsed.TotalSeconds;
        if (!Projects.Contains(name))
        {
            _ready[name] = true;
            return new ResourceStartup(name, Math.Round(healthy, 2), null);
        }
        // Endpoints can be resolved only once StartAsync has returned.
        await appStarted.WaitAsync(cancellationToken);
        using var http = new HttpClient { BaseAddress = _app.GetEndpoint(name, "http"), Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    _ready[name] = true;
                    return new ResourceStartup(name, Math.Round(healthy, 2), Math.Round(started.Elapsed.TotalSeconds, 2));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet, or the orchestrator's proxy holds the connection until it is.
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    public Uri ServiceUrl(string resource) => _app!.GetEndpoint(resource, "http");

    /// <summary>Connection strings of the services' databases, by resource name.</summary>
    public async Task<Dictionary<string, string>> DatabaseConnectionStringsAsync()
    {
        var databases = new Dictionary<string, string>();
        foreach (var name in new[] { "menudb", "cartdb", "ordersdb", "paymentsdb" })
        {
            if (await _app!.GetConnectionStringAsync(name) is { } connectionString)
            {
                databases[name] = connectionString;
            }
        }
        return databases;
    }

    /// <summary>The broker's bootstrap address, as the services get it.</summary>
    public async Task<string> KafkaBootstrapAsync() =>
        await _app!.GetConnectionStringAsync("kafka") ?? throw new InvalidOperationException("The AppHost has no kafka connection string.");

    /// <summary>The process id the orchestrator reports for each process resource (snapshot property executable.pid).</summary>
    public IEnumerable<(string Resource, int Pid)> ProcessIds()
    {
        foreach (var name in ProcessMemory.KnownProcesses)
        {
            if (_app!.ResourceNotifications.TryGetCurrentState(name, out var resourceEvent)
                && resourceEvent.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
                && int.TryParse(pid.ToString(), out var id))
            {
                yield return (name, id);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory is harmless.
        }
    }
}
