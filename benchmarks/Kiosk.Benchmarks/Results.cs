namespace Kiosk.Benchmarks;

/// <summary>Nearest-rank percentiles in milliseconds: an observed value, never an interpolation between two.</summary>
public sealed record Percentiles(int Count, double P50, double P90, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new Percentiles(sorted.Length, At(sorted, 50), At(sorted, 90), At(sorted, 99), sorted.LastOrDefault());
    }

    private static double At(double[] sorted, int percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
}

/// <summary>
/// The peer's scenario at one number of kiosks: new cart, 3 items, checkout, poll until the order is visible, pay at once,
/// poll until PAID. <see cref="Correct"/> counts orders that hold exactly their kiosk's items, once, paid once.
/// </summary>
public sealed record OrderRun(
    int Kiosks,
    int Attempted,
    int Completed,
    int Correct,
    int Wrong,
    int Lost,
    int Doubled,
    double WallSeconds,
    Percentiles Whole,
    Percentiles CheckoutToVisible,
    Percentiles PaymentRequest,
    Percentiles PaymentToPaid,
    int NotReadyAnswers)
{
    /// <summary>Only correct orders count: a fast system that mixes up kiosks' orders is not fast.</summary>
    public double CorrectOrdersPerSecond => WallSeconds > 0 ? Correct / WallSeconds : 0;

    /// <summary>CPU seconds each process (and the load generator) used during the run, when they could be read.</summary>
    public IReadOnlyDictionary<string, double>? CpuSeconds { get; init; }

    /// <summary>HTTP requests the kiosks sent during the run, polls and retries included, when counted.</summary>
    public long? Requests { get; init; }

    /// <summary>
    /// Of the orders that became visible, the share found by the first GET after the checkout answered (Kiosk only; the
    /// peer's script does not count its polls). Every other order paid at least one poll interval and a second GET.
    /// </summary>
    public double? VisibleAtFirstGet { get; init; }

    /// <summary>
    /// How long after the kiosk had the checkout's answer the order service began to create the order (Kiosk only):
    /// the race the first GET loses while this is longer than the GET's way to the orders database.
    /// </summary>
    public Percentiles? CreatedAfterCheckoutAnswered { get; init; }

    /// <summary>CPU milliseconds of every process together per correct order.</summary>
    public double CpuMsPerOrder => CpuSeconds is null || Correct == 0 ? double.NaN : CpuSeconds.Values.Sum() * 1000 / Correct;
}

/// <summary>Menu reads (the category list) at a fixed concurrency.</summary>
public sealed record MenuRun(string Target, int Concurrency, int Requests, int Errors, double WallSeconds, Percentiles Latency)
{
    public double PerSecond => WallSeconds > 0 ? (Requests - Errors) / WallSeconds : 0;
}

/// <summary>One request at a time through the gateway and straight to the service, alternately; Added = gateway − direct per pair.</summary>
public sealed record GatewayHop(Percentiles Gateway, Percentiles Direct, Percentiles Added);

/// <summary>Everything measured of one system (Kiosk or the Node peer) in one run.</summary>
public sealed record SystemResult(
    string System,
    double? StartupSeconds,
    IReadOnlyList<OrderRun> Orders,
    IReadOnlyList<MenuRun> Menu,
    IReadOnlyList<MemoryRow> Memory)
{
    public double TotalRssMiB => Memory.Sum(m => m.RssMiB);

    /// <summary>The same processes counted by proportional set size: shared pages once, not once per process.</summary>
    public double TotalPssMiB => Memory.Sum(m => m.PssMiB);

    /// <summary>Where the one-kiosk order's time goes (Kiosk started by the benchmark only).</summary>
    public IReadOnlyList<HopRow>? Hops { get; init; }

    /// <summary>Each order of the one-kiosk run with where its checkout → visible went (Kiosk, when it started the AppHost).</summary>
    public IReadOnlyList<OrderBreakdown>? CheckoutToVisibleByOrder { get; init; }

    /// <summary>Share of one core each process used while the system stood idle after the order runs, when read.</summary>
    public IReadOnlyDictionary<string, double>? IdleCpuShare { get; init; }

    /// <summary>What the gateway adds to one request without queueing (Kiosk with a known menu service only).</summary>
    public GatewayHop? GatewayHop { get; init; }

    /// <summary>The same with the staff key, which the gateway always forwards: its hop without its menu cache.</summary>
    public GatewayHop? ForwardedHop { get; init; }

    /// <summary>The least the scenario's parts take on this machine (Kiosk started by the benchmark only).</summary>
    public Floors? Floors { get; init; }
}
