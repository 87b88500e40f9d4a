using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.IntegrationTests.Security;

/// <summary>
/// A store on its first day: no development crew (no manager PIN, no crew seed) and two web replicas behind the gateway.
/// Each replica logs its own one-time setup code; this reads both codes and each replica's own address from the logs.
/// </summary>
public sealed partial class FirstRunFixture : KioskAppFixture
{
    public const int WebReplicas = 2;
    private static readonly TimeSpan LogTimeout = TimeSpan.FromMinutes(2);

    protected override IEnumerable<string> ExtraArguments =>
    [
        // A later value wins: the base fixture's crew seed is emptied out (nameless seeds are skipped).
        "--Kiosk:Crew:DevManagerPin=",
        .. Enumerable.Range(0, 3).Select(index => $"--Kiosk:Crew:DevCrew:{index}:Name="),
        $"--Kiosk:Replicas:web={WebReplicas}",
    ];

    /// <summary>Each web replica as its log shows it: the setup code it issued and the address it listens on.</summary>
    public IReadOnlyList<WebReplica> Replicas { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var timeout = new CancellationTokenSource(LogTimeout);
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        try
        {
            var replicaIds = await WebReplicaIdsAsync(timeout.Token);
            Replicas = await Task.WhenAll(replicaIds.Select(id => ReadReplicaAsync(logs, id, timeout.Token)));
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The web replicas did not log their setup codes and addresses within {LogTimeout.TotalMinutes} minutes.");
        }
    }

    private async Task<IReadOnlyList<string>> WebReplicaIdsAsync(CancellationToken ct)
    {
        var ids = new HashSet<string>();
        await foreach (var update in App.ResourceNotifications.WatchAsync(ct))
        {
            if (update.Resource.Name == "web" && ids.Add(update.ResourceId) && ids.Count == WebReplicas)
            {
                break;
            }
        }
        return [.. ids.Order()];
    }

    private static async Task<WebReplica> ReadReplicaAsync(ResourceLoggerService logs, string replicaId, CancellationToken ct)
    {
        string? code = null;
        Uri? url = null;
        await foreach (var batch in logs.WatchAsync(replicaId).WithCancellation(ct))
        {
            foreach (var line in batch)
            {
                if (SetupCodeLine().Match(line.Content) is { Success: true } codeMatch)
                {
                    code = codeMatch.Groups["code"].Value;
                }
                if (ListeningLine().Match(line.Content) is { Success: true } urlMatch)
                {
                    url = new Uri(urlMatch.Groups["url"].Value.Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
                }
            }
            if (code is not null && url is not null)
            {
                return new WebReplica(replicaId, code, url);
            }
        }
        throw new InvalidOperationException($"The log of {replicaId} ended before it showed a setup code and an address.");
    }

    [GeneratedRegex("setup code (?<code>[A-Z2-9]{10}) to create the first manager")]
    private static partial Regex SetupCodeLine();

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningLine();
}

/// <summary>One web replica: its resource id, the setup code its log shows, and its own address (not the gateway's).</summary>
public sealed record WebReplica(string Id, string SetupCode, Uri Url);

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FirstRunCollection : ICollectionFixture<FirstRunFixture>
{
    public const string Name = "Kiosk app on its first run";
}
