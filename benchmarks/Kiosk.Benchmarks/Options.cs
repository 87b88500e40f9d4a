namespace Kiosk.Benchmarks;

/// <summary>Command-line options; every loop in the benchmark is bounded by one of these numbers.</summary>
public sealed record Options
{
    public Uri? Url { get; init; }
    public string StaffKey { get; init; } = "kiosk-dev-staff-key";
    public int Orders { get; init; } = 100;
    public int? Concurrency { get; init; }
    public int Kiosks { get; init; } = 4;
    public int MenuRequests { get; init; } = 2000;
    public string? JsonPath { get; init; }

    public int MenuConcurrency => Concurrency ?? 8;
    public int CheckoutConcurrency => Concurrency ?? 10;
    public int Payments => Math.Max(1, Orders / 2);

    public const string Usage = """
        Kiosk benchmarks: prints start-up time, latencies, throughput and memory of the Kiosk services.

          (no --url)            start the AppHost itself on free ports and a temporary database
          --url URL             measure an already running system instead (loopback only), e.g. http://localhost:8080
          --staff-key KEY       staff API key for payments (default kiosk-dev-staff-key; also given to a started AppHost)
          --orders N            orders per checkout run (sequential and concurrent) and end-to-end run; payments = N/2 (default 100)
          --concurrency N       concurrent clients for menu reads and concurrent checkouts (default 8 and 10)
          --kiosks N            concurrent kiosks in the end-to-end run (default 4)
          --requests N          menu requests (default 2000)
          --json PATH           also write the results as JSON
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
                "--url" => options with { Url = LoopbackUrl(value) },
                "--staff-key" => options with { StaffKey = value },
                "--orders" => options with { Orders = Positive(name, value) },
                "--concurrency" => options with { Concurrency = Positive(name, value) },
                "--kiosks" => options with { Kiosks = Positive(name, value) },
                "--requests" => options with { MenuRequests = Positive(name, value) },
                "--json" => options with { JsonPath = value },
                _ => throw new ArgumentException($"Unknown option {name}.\n\n{Usage}"),
            };
        }
        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, out var number) && number is > 0 and <= 100_000
            ? number
            : throw new ArgumentException($"{name} must be a whole number from 1 to 100000, not '{value}'.");

    // A load generator must never be pointed at someone else's machine by a typo.
    private static Uri LoopbackUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.IsLoopback && url.Scheme is "http" or "https"
            ? url
            : throw new ArgumentException($"--url must be an http(s) loopback address such as http://localhost:8080, not '{value}'.");
}
