using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.IntegrationTests.Replicas;

/// <summary>
/// The app with two replicas each of cart, orders and payments. Aspire gives each replica a generated name
/// (<c>orders-abc123</c>) under the one resource; <c>WaitForResourceHealthyAsync("orders")</c> is satisfied by the first
/// healthy replica, so this waits for every replica by its own name before the tests start.
/// </summary>
public sealed class ReplicaAppFixture : KioskAppFixture
{
    public const int ReplicasPerService = 2;
    public static readonly string[] ReplicatedServices = ["cart", "orders", "payments"];

    private readonly Dictionary<string, IReadOnlyList<string>> _replicas = [];

    protected override IEnumerable<string> ExtraArguments =>
        ReplicatedServices.Select(service => $"--Kiosk:Replicas:{service}={ReplicasPerService}");

    /// <summary>The generated names of a service's replicas.</summary>
    public IReadOnlyList<string> ReplicasOf(string service) => _replicas[service];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var healthy = new Dictionary<string, HashSet<string>>();
        try
        {
            await foreach (var update in App.ResourceNotifications.WatchAsync(timeout.Token))
            {
                if (ReplicatedServices.Contains(update.Resource.Name)
                    && update.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                {
                    var replicas = healthy.TryGetValue(update.Resource.Name, out var set) ? set : healthy[update.Resource.Name] = [];
                    replicas.Add(update.ResourceId);
                }
                if (ReplicatedServices.All(s => healthy.TryGetValue(s, out var r) && r.Count == ReplicasPerService))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("Not every replica became healthy within 2 minutes: "
                + string.Join(", ", healthy.Select(h => $"{h.Key}: {string.Join(" ", h.Value)}")));
        }
        foreach (var (service, replicas) in healthy)
        {
            _replicas[service] = [.. replicas.Order()];
        }
        KeepLogs(healthy.Values.SelectMany(r => r));
    }

    /// <summary>Where each replica's console log is copied, so a failed run can be read afterwards.</summary>
    public string LogDirectory { get; } = Path.Combine(Path.GetTempPath(), "kiosk-replica-logs-" + Guid.NewGuid().ToString("N")[..8]);

    private void KeepLogs(IEnumerable<string> replicas)
    {
        Directory.CreateDirectory(LogDirectory);
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var replica in replicas)
        {
            _ = Task.Run(async () =>
            {
                await using var file = new StreamWriter(Path.Combine(LogDirectory, replica + ".log")) { AutoFlush = true };
                await foreach (var batch in logs.WatchAsync(replica))
                {
                    foreach (var line in batch)
                    {
                        await file.WriteLineAsync(line.Content);
                    }
                }
            });
        }
    }

    /// <summary>Stops one replica, as the dashboard's Stop button on it does, and waits until it has exited.</summary>
    public async Task StopReplicaAsync(string replicaName)
    {
        var result = await App.ResourceCommands.ExecuteCommandAsync(replicaName, KnownResourceCommands.StopCommand);
        Assert.True(result.Success, $"Stopping replica {replicaName} failed: {result.Message}");
        using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await foreach (var update in App.ResourceNotifications.WatchAsync(stopped.Token))
            {
                if (update.ResourceId == replicaName
                    && (update.Snapshot.State?.Text == KnownResourceStates.Exited || update.Snapshot.State?.Text == KnownResourceStates.Finished))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Replica {replicaName} did not exit within 60 s of being stopped.");
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplicaCollection : ICollectionFixture<ReplicaAppFixture>
{
    public const string Name = "Kiosk app with replicas";
}
