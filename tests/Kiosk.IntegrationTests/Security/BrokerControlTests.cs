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
        private readonly ChildProcess _process;

        private StandaloneBroker(ChildProcess process, Uri url) => (_process, Url) = (process, url);

        public Uri Url { get; }

        public static async Task<StandaloneBroker> StartAsync(bool controlApi)
        {
            var program = External.BrokerProcess.BuiltBrokerPath();
            var process = ChildProcess.Start("broker", "dotnet", [program], stopSignal: "TERM",
                workingDirectory: Path.GetDirectoryName(program),
                environment: new Dictionary<string, string>
                {
                    ["ASPNETCORE_URLS"] = "http://0.0.0.0:0",
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["KAFKA_PORT"] = "0",
                    ["Broker__ControlApi"] = controlApi ? "true" : "false",
                });
            try
            {
                var url = new Uri(await process.WaitForLineAsync(ListeningLine(), StartTimeout));
                using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
                await Eventually.TrueAsync(async () => (await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode,
                    StartTimeout, "the standalone broker to report healthy");
                return new StandaloneBroker(process, url);
            }
            catch
            {
                await process.DisposeAsync();
                throw;
            }
        }

        public ValueTask DisposeAsync() => _process.DisposeAsync();

        [GeneratedRegex(@"Now listening on: (http://\S+)")]
        private static partial Regex ListeningLine();
    }
}
