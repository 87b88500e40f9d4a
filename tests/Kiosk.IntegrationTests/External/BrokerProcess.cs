using System.Text.RegularExpressions;

namespace Kiosk.IntegrationTests.External;

/// <summary>
/// The embedded broker (tools/Kiosk.KafkaBroker) run as a process of its own, standing in for a Kafka cluster: the built
/// Kiosk.KafkaBroker.dll under <c>dotnet</c>, 3 partitions per topic, both ports picked free by the broker itself.
/// </summary>
public sealed partial class BrokerProcess : IAsyncDisposable
{
    public const int Partitions = 3;
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private readonly ChildProcess _broker;

    private BrokerProcess(ChildProcess broker) => _broker = broker;

    public string BootstrapServers { get; private set; } = "";

    public Uri ControlUrl { get; private set; } = null!;

    public string Output() => _broker.Output();

    public static async Task<BrokerProcess> StartAsync()
    {
        var dll = BuiltBrokerPath();
        var broker = new BrokerProcess(ChildProcess.Start("broker", "dotnet", [dll], stopSignal: "TERM",
            workingDirectory: Path.GetDirectoryName(dll),
            environment: new Dictionary<string, string>
            {
                ["KAFKA_PORT"] = "0",
                ["Broker__Partitions"] = Partitions.ToString(),
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            }));
        try
        {
            broker.BootstrapServers = await broker._broker.WaitForLineAsync(KafkaListeningLine(), StartPatience);
            broker.ControlUrl = new Uri(await broker._broker.WaitForLineAsync(HttpListeningLine(), StartPatience));
            await broker.WaitHealthyAsync();
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    private async Task WaitHealthyAsync()
    {
        using var control = new HttpClient { BaseAddress = ControlUrl, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return (await control.GetAsync("/health")).IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, StartPatience, $"the broker at {BootstrapServers} to answer /health");
    }

    /// <summary>
    /// The broker project's own build output, in the configuration and framework of this test assembly
    /// (tests/Kiosk.IntegrationTests/bin/{configuration}/{framework} → tools/Kiosk.KafkaBroker/bin/{configuration}/{framework}).
    /// </summary>
    public static string BuiltBrokerPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var brokerProject = Path.GetDirectoryName(new Projects.Kiosk_KafkaBroker().ProjectPath)!;
        var dll = Path.Combine(brokerProject, "bin", testOutput.Parent!.Name, testOutput.Name, "Kiosk.KafkaBroker.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The built broker ({dll}) is missing: build the solution first.");
    }

    // The broker logs "Kafka broker listening on 127.0.0.1:<port> (...)"; ASP.NET Core "Now listening on: http://...".
    [GeneratedRegex(@"Kafka broker listening on (\S+)")]
    private static partial Regex KafkaListeningLine();

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex HttpListeningLine();

    public ValueTask DisposeAsync() => _broker.DisposeAsync();
}
