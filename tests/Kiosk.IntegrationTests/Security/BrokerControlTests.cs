using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Kiosk.IntegrationTests.Security;

/// <summary>
/// The embedded broker's HTTP port, run on its own as a store would misconfigure it: told to listen on every address,
/// without the control API. Its outage switches are not there, and it listens on 127.0.0.1 only.
/// </summary>
public sealed partial class BrokerControlTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] Switches = ["/broker/down", "/broker/errors", "/broker/up"];

    [Fact]
    public async Task Without_the_control_api_the_outage_switches_answer_404_and_the_broker_stays_up()
    {
        await using var broker = await StandaloneBroker.StartAsync(controlApi: false);
        using var http = new HttpClient { BaseAddress = broker.Url, Timeout = TimeSpan.FromSeconds(10) };

        foreach (var path in Switches)
        {
            using var body = JsonContent.Create(new { apiKey = "Produce", errors = Switches.Take(0) });
            using var response = await http.PostAsync(new Uri(path, UriKind.Relative), body);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task With_the_control_api_the_outage_switch_takes_the_broker_down_and_up()
    {
        await using var broker = await StandaloneBroker.StartAsync(controlApi: true);
        using var http = new HttpClient { BaseAddress = broker.Url, Timeout = TimeSpan.FromSeconds(10) };

        using (var down = await http.PostAsync(new Uri("/broker/down", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, down.StatusCode);
        }
        await Eventually.TrueAsync(async () => (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(20), "the broker's health to report it down");
        using (var up = await http.PostAsync(new Uri("/broker/up", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, up.StatusCode);
        }
    }

    [Fact]
    public async Task Told_to_listen_on_every_address_the_http_port_still_answers_only_on_127_0_0_1()
    {
        await using var broker = await StandaloneBroker.StartAsync(controlApi: false);
        Assert.Equal("127.0.0.1", broker.Url.Host);

        await AssertAcceptsAsync(IPAddress.Loopback, broker.Url.Port);
        var elsewhere = NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .Where(address => !address.Equals(IPAddress.Loopback) && !address.IsIPv6LinkLocal)
            .Append(IPAddress.Parse("127.0.0.2"))
            .Distinct()
            .ToList();
        foreach (var address in elsewhere)
        {
            await AssertRefusedAsync(address, broker.Url.Port);
        }
    }

    private static async Task AssertAcceptsAsync(IPAddress address, int port)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await socket.ConnectAsync(address, port, timeout.Token);
    }

    private static async Task AssertRefusedAsync(IPAddress address, int port)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<SocketException>(async () => await socket.ConnectAsync(address, port, timeout.Token));
        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    /// <summary>The broker's built program, started with ASPNETCORE_URLS on every address and a free Kafka port.</summary>
    private sealed partial class StandaloneBroker : IAsyncDisposable
    {
        private readonly Process _process;

        private StandaloneBroker(Process process, Uri url) => (_process, Url) = (process, url);

        public Uri Url { get; }

        public static async Task<StandaloneBroker> StartAsync(bool controlApi)
        {
            // The tests run from bin/<configuration>/<framework>/; the broker was built with the same ones.
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var brokerProject = Path.GetDirectoryName(new Projects.Kiosk_KafkaBroker().ProjectPath)!;
            var program = Path.Combine(brokerProject, "bin", testOutput.Parent!.Name, testOutput.Name, "Kiosk.KafkaBroker.dll");
            var start = new ProcessStartInfo("dotnet", [program])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = brokerProject,
            };
            start.Environment["ASPNETCORE_URLS"] = "http://0.0.0.0:0";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["KAFKA_PORT"] = "0";
            start.Environment["Broker__ControlApi"] = controlApi ? "true" : "false";

            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
            process.OutputDataReceived += (_, line) =>
            {
                if (line.Data is not null && ListeningLine().Match(line.Data) is { Success: true } match)
                {
                    listening.TrySetResult(new Uri(match.Groups["url"].Value));
                }
            };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                var url = await listening.Task.WaitAsync(StartTimeout);
                using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
                await Eventually.TrueAsync(async () => (await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode,
                    StartTimeout, "the standalone broker to report healthy");
                return new StandaloneBroker(process, url);
            }
            catch
            {
                await StopAsync(process);
                throw;
            }
        }

        public ValueTask DisposeAsync() => new(StopAsync(_process));

        private static async Task StopAsync(Process process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await process.WaitForExitAsync(exited.Token);
            }
            process.Dispose();
        }

        [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
        private static partial Regex ListeningLine();
    }
}
