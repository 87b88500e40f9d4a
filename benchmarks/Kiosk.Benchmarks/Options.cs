using System.Globalization;

namespace Kiosk.Benchmarks;

/// <summary>Command-line options; every loop in the benchmark is bounded by one of these numbers.</summary>
public sealed record Options
{
    public Uri? Url { get; init; }
    public Uri? MenuUrl { get; init; }
    public string StaffKey { get; init; } = "kiosk-dev-staff-key";
    public int Orders { get; init; } = 50;

    /// <summary>Orders on 4 kiosks before anything is measured; more shows the steady state of a store open for hours.</summary>
    public int WarmUpOrders { get; init; } = 40;
    public IReadOnlyList<int> KioskCounts { get; init; } = [1, 4, 16, 64];
    /// <summary>Menu reads per target: enough for the steady state (the first thousands after a start run partly unoptimized).</summary>
    public int MenuRequests { get; init; } = 30000;
    public int MenuConcurrency { get; init; } = 32;
    public string? PeerDirectory { get; init; }
    public int PeerMaxWaitMs { get; init; } = 10;
    public string? JsonPath { get; init; }
    public string? ServiceLogLevel { get; init; }

    /// <summary>The live-stream measurements (two of them hold streams for a minute); off for quick A/B runs.</summary>
    public bool Live { get; init; } = true;

    /// <summary>Kiosk's waits for an order ask with Prefer: wait and If-None-Match, as FLOW.md tells a kiosk; off: plain polls.</summary>
    public bool OrderWait { get; init; } = true;

    /// <summary>How long each system stands idle, after its order runs, while its CPU is read.</summary>
    public const int IdleSeconds = 10;

    /// <summary>Orders measured at a number of kiosks: at least <see cref="Orders"/>, and four per kiosk so every kiosk orders repeatedly.</summary>
    public int OrdersAt(int kiosks) => Math.Max(Orders, 4 * kiosks);

    public const string Usage = """
        Kiosk benchmarks: the peer's scenario (new cart, 3 items, checkout, poll until the order is visible, pay at once,
        poll until PAID) and menu reads, against Kiosk and, with --peer, the original Node services in the same run.
        Run it in Release: dotnet run -c Release --project benchmarks/Kiosk.Benchmarks -- [options]

          (no --url)            start the AppHost itself on free ports and a temporary database
          --url URL             measure an already running Kiosk instead (loopback only), e.g. http://localhost:8080
          --menu-url URL        with --url: the menu service itself, to measure the gateway hop (loopback only)
          --staff-key KEY       staff API key for payments (default kiosk-dev-staff-key; also given to a started AppHost)
          --orders N            orders at one kiosk; at K kiosks max(N, 4K) (default 50)
          --kiosks LIST         kiosk counts, comma-separated (default 1,4,16,64)
          --warm-up N           orders on 4 kiosks before measuring (default 40; more for the steady state)
          --requests N          menu requests per target (default 30000)
          --concurrency N       concurrent menu readers (default 32)
          --peer DIR            also start and measure the Node peer from DIR (a prepared copy: benchmarks/prepare-peer.sh)
          --peer-max-wait-ms N  the peer consumers' fetch wait (default 10, as in the peer's README)
          --json PATH           also write the results as JSON
          --live on|off         the live-stream measurements, about 2.5 minutes (default on; off for quick A/B runs)
          --order-wait on|off   Kiosk's waits for an order send Prefer: wait=5 and If-None-Match, as FLOW.md tells a kiosk,
                                so the order service answers when the order appears or changes (default on; off: polls
                                every 5 ms without them, as the peer's script does)
          --service-log-level L an experiment: run every process of the started AppHost with Logging:LogLevel:Default=L
                                (e.g. Warning), to see what per-request Information logs cost
        """;

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.\n\n{Usage}");
            options = name switch
            {
                "--url" => options with { Url = LoopbackUrl(name, value) },
                "--menu-url" => options with { MenuUrl = LoopbackUrl(name, value) },
                "--staff-key" => options with { StaffKey = value },
                "--orders" => options with { Orders = Positive(name, value) },
                "--warm-up" => options with { WarmUpOrders = Positive(name, value) },
                "--kiosks" => options with { KioskCounts = [.. value.Split(',').Select(k => Positive(name, k.Trim()))] },
                "--requests" => options with { MenuRequests = Positive(name, value) },
                "--concurrency" => options with { MenuConcurrency = Positive(name, value) },
                "--peer" => options with { PeerDirectory = PeerDirectoryOf(value) },
                "--peer-max-wait-ms" => options with { PeerMaxWaitMs = Positive(name, value) },
                "--json" => options with { JsonPath = value },
                "--live" => options with { Live = OnOrOff(name, value) },
                "--order-wait" => options with { OrderWait = OnOrOff(name, value) },
                "--service-log-level" => options with { ServiceLogLevel = Enum.TryParse<Microsoft.Extensions.Logging.LogLevel>(value, out var level)
                    ? level.ToString()
                    : throw new ArgumentException($"--service-log-level must be a log level such as Warning, not '{value}'.") },
                _ => throw new ArgumentException($"Unknown option {name}.\n\n{Usage}"),
            };
        }
        return options;
    }

    private static bool OnOrOff(string name, string value) => value switch
    {
        "on" => true,
        "off" => false,
        _ => throw new ArgumentException($"{name} must be on or off, not '{value}'."),
    };

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 100_000
            ? number
            : throw new ArgumentException($"{name} must be a whole number from 1 to 100000, not '{value}'.");

    private static string PeerDirectoryOf(string value)
    {
        var directory = Path.GetFullPath(value);
        return File.Exists(Path.Combine(directory, "run.sh")) && Directory.Exists(Path.Combine(directory, "node_modules"))
            ? directory
            : throw new ArgumentException($"--peer must be a prepared copy of seed-node (run.sh and node_modules), not '{value}'. See benchmarks/prepare-peer.sh.");
    }

    // A load generator must never be pointed at someone else's machine by a typo.
    private static Uri LoopbackUrl(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.IsLoopback && url.Scheme is "http" or "https"
            ? url
            : throw new ArgumentException($"{name} must be an http(s) loopback address such as http://localhost:8080, not '{value}'.");
}
