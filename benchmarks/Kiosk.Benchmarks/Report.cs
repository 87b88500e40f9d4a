using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kiosk.Benchmarks;

public sealed record BenchmarkReport(DateTimeOffset When, int ProcessorCount, string Configuration, SystemResult Kiosk, SystemResult? Node)
{
    /// <summary>Whether Kiosk's waits for an order asked with Prefer: wait and If-None-Match (--order-wait).</summary>
    public bool KioskOrderWait { get; init; }
}

/// <summary>Plain-text tables for people (Kiosk next to the Node peer, with ratios), JSON for tools.</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    public static string ToText(BenchmarkReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Kiosk vs the Node peer — {report.When:yyyy-MM-dd HH:mm} UTC, {report.ProcessorCount} CPUs, benchmark built {report.Configuration}");
        text.AppendLine(report.KioskOrderWait
            ? FormattableString.Invariant($"(the peer's waits poll every {KioskApi.PollInterval.TotalMilliseconds:0} ms; Kiosk's ask with Prefer: wait={KioskApi.PreferredWaitSeconds} and If-None-Match, as FLOW.md tells a kiosk, and are answered when the order appears or changes; latencies in ms, nearest-rank percentiles)")
            : FormattableString.Invariant($"(waits poll every {KioskApi.PollInterval.TotalMilliseconds:0} ms on both; latencies in ms, nearest-rank percentiles)"));
        text.AppendLine();
        text.AppendLine(Row("", "Node", "Kiosk", "Kiosk vs Node"));
        text.AppendLine(new string('-', 100));
        var kiosk = report.Kiosk;
        var node = report.Node;

        var kioskOne = kiosk.Orders.FirstOrDefault(r => r.Kiosks == 1);
        var nodeOne = node?.Orders.FirstOrDefault(r => r.Kiosks == 1);
        Latency("whole order p50 (1 kiosk)", nodeOne?.Whole.P50, kioskOne?.Whole.P50);
        Latency("whole order p99 (1 kiosk)", nodeOne?.Whole.P99, kioskOne?.Whole.P99);
        Latency("checkout -> visible p50 (1 kiosk)", nodeOne?.CheckoutToVisible.P50, kioskOne?.CheckoutToVisible.P50);
        Latency("checkout -> visible p99 (1 kiosk)", nodeOne?.CheckoutToVisible.P99, kioskOne?.CheckoutToVisible.P99);
        Latency("payment request p50 (1 kiosk)", nodeOne?.PaymentRequest.P50, kioskOne?.PaymentRequest.P50);
        Latency("payment -> PAID p50 (1 kiosk)", nodeOne?.PaymentToPaid.P50, kioskOne?.PaymentToPaid.P50);
        foreach (var kiosks in kiosk.Orders.Select(r => r.Kiosks))
        {
            var k = kiosk.Orders.First(r => r.Kiosks == kiosks);
            var n = node?.Orders.FirstOrDefault(r => r.Kiosks == kiosks);
            Throughput($"correct orders/s, {kiosks} kiosks", n?.CorrectOrdersPerSecond, k.CorrectOrdersPerSecond);
            Latency($"whole order p99, {kiosks} kiosks", n?.Whole.P99, k.Whole.P99);
            text.AppendLine(Row($"  wrong / lost / doubled, {kiosks} kiosks", n is null ? "-" : Faults(n), Faults(k), ""));
        }
        foreach (var menu in kiosk.Menu)
        {
            Throughput($"menu reads/s: {menu.Target}", (node?.Menu is [var nodeMenu, ..] ? nodeMenu.PerSecond : null), menu.PerSecond);
        }
        if (kiosk.Menu.Count == 2)
        {
            text.AppendLine(Row("gateway hop p50 (gateway - direct)", "-",
                Ms(kiosk.Menu[0].Latency.P50 - kiosk.Menu[1].Latency.P50), ""));
        }
        if (kiosk.GatewayHop is { } hop)
        {
            text.AppendLine(Row("gateway hop p50, one request at a time (pairs)", "-", Ms(hop.Added.P50), ""));
        }
        if (kiosk.ForwardedHop is { } forwarded)
        {
            text.AppendLine(Row("  the same, forwarded (staff key: never cached)", "-", Ms(forwarded.Added.P50), ""));
        }
        text.AppendLine(Row("resident memory after the run, MiB", node is null ? "-" : Number(node.TotalRssMiB), Number(kiosk.TotalRssMiB),
            node is null ? "" : Ratio(kiosk.TotalRssMiB, node.TotalRssMiB, lowerIsBetter: true)));
        text.AppendLine(Row("proportional memory (PSS) after the run, MiB", node is null ? "-" : Number(node.TotalPssMiB), Number(kiosk.TotalPssMiB),
            node is null ? "" : Ratio(kiosk.TotalPssMiB, node.TotalPssMiB, lowerIsBetter: true)));
        text.AppendLine(Row("start-up to all healthy, s", Seconds(node?.StartupSeconds), Seconds(kiosk.StartupSeconds),
            node?.StartupSeconds is { } ns && kiosk.StartupSeconds is { } ks ? Ratio(ks, ns, lowerIsBetter: true) : ""));

        foreach (var system in new[] { node, kiosk }.OfType<SystemResult>())
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{system.System}: the scenario at each number of kiosks");
            text.AppendLine($"  {"kiosks",6} {"orders",6} {"done",5} {"ok",5} {"wrong",5} {"lost",5} {"dbl",5} {"ok/s",8} {"whole p50",10} {"p99",8} {"visible p50",12} {"p99",8} {"pay p50",8} {"paid p50",9} {"not-ready",9}");
            foreach (var r in system.Orders)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {r.Kiosks,6} {r.Attempted,6} {r.Completed,5} {r.Correct,5} {r.Wrong,5} {r.Lost,5} {r.Doubled,5} {r.CorrectOrdersPerSecond,8:0.0} {Ms(r.Whole.P50),10} {Ms(r.Whole.P99),8} {Ms(r.CheckoutToVisible.P50),12} {Ms(r.CheckoutToVisible.P99),8} {Ms(r.PaymentRequest.P50),8} {Ms(r.PaymentToPaid.P50),9} {r.NotReadyAnswers,9}");
            }
            if (system.Orders.Where(r => r.VisibleAtFirstGet is not null).ToList() is { Count: > 0 } counted)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  orders visible at the first GET after the checkout answered: {string.Join(", ", counted.Select(r => $"{r.VisibleAtFirstGet:P0} at {r.Kiosks} kiosk(s)"))} {(report.KioskOrderWait ? " (a GET that prefers to wait is held until the order exists; another GET follows only when the wait runs out or the server did not honour it)" : $" (the rest waited at least one {KioskApi.PollInterval.TotalMilliseconds:0} ms poll interval and a second GET)")}");
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  order created after the kiosk had the checkout's answer, p50 / p90: {string.Join(", ", counted.Select(r => $"{Ms(r.CreatedAfterCheckoutAnswered?.P50 ?? double.NaN)} / {Ms(r.CreatedAfterCheckoutAnswered?.P90 ?? double.NaN)} at {r.Kiosks} kiosk(s)"))}");
            }
            foreach (var m in system.Menu)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  menu reads, {m.Target}: {m.Requests} requests, {m.Concurrency} concurrent, {m.Errors} errors, {m.PerSecond:0}/s, p50 {Ms(m.Latency.P50)}, p99 {Ms(m.Latency.P99)}");
            }
            foreach (var (label, pairs) in new[] { ("", system.GatewayHop), (" with the staff key (forwarded)", system.ForwardedHop) })
            {
                if (pairs is not null)
                {
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"  menu read one at a time{label}, {pairs.Added.Count} pairs: through the gateway p50 {Ms(pairs.Gateway.P50)} p90 {Ms(pairs.Gateway.P90)}, direct p50 {Ms(pairs.Direct.P50)} p90 {Ms(pairs.Direct.P90)}, added p50 {Ms(pairs.Added.P50)} p90 {Ms(pairs.Added.P90)}");
                }
            }
            AppendCpu(text, system, report.ProcessorCount);
            text.AppendLine("  memory (VmRSS / VmHWM / RssAnon / Pss MiB): " + string.Join(", ", system.Memory.Select(m =>
                string.Create(CultureInfo.InvariantCulture, $"{m.Resource} {m.RssMiB:0}/{m.PeakRssMiB:0}/{m.AnonMiB:0}/{m.PssMiB:0}"))));
        }
        text.AppendLine();
        text.AppendLine("ok = holds exactly its kiosk's items, once, paid once; ok/s counts only those. Kiosk memory: every service process,");
        text.AppendLine("the broker and the PostgreSQL server process (not its backends); the orchestrator and dashboard are not counted.");
        return text.ToString();

        void Latency(string name, double? nodeMs, double? kioskMs) =>
            text.AppendLine(Row(name, nodeMs is { } n ? Ms(n) : "-", kioskMs is { } k ? Ms(k) : "-",
                nodeMs is { } a && kioskMs is { } b ? Ratio(b, a, lowerIsBetter: true) : ""));

        void Throughput(string name, double? nodeRate, double kioskRate) =>
            text.AppendLine(Row(name, nodeRate is { } n ? Number(n) : "-", Number(kioskRate),
                nodeRate is { } a ? Ratio(kioskRate, a, lowerIsBetter: false) : ""));
    }

    /// <summary>
    /// CPU milliseconds per correct order, by process: the cost that bounds orders per second once the cores are busy.
    /// The ceiling is what the machine's cores could serve if the system had them to itself at that cost.
    /// </summary>
    private static void AppendCpu(StringBuilder text, SystemResult system, int cores)
    {
        if (system.IdleCpuShare is { } idle)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  idle after the runs ({Options.IdleSeconds} s, nobody ordering), % of one core: total {idle.Values.Sum() * 100:0.0}; ")
                + string.Join(", ", idle.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value * 100:0.0}"))));
        }
        var measured = system.Orders.Where(r => r.CpuSeconds is not null && r.Correct > 0).ToList();
        if (measured.Count == 0)
        {
            return;
        }
        string[] processes = [.. measured.SelectMany(r => r.CpuSeconds!.Keys).Distinct()
            .OrderBy(p => p == ProcessCpu.LoadGenerator ? 1 : 0)
            .ThenBy(p => Array.IndexOf(ProcessMemory.KnownProcesses, p) is var i and >= 0 ? i : int.MaxValue)];
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  CPU ms per correct order (user + system); ceiling = {cores} cores' orders/s at that cost; requests = HTTP requests per order;");
        text.AppendLine("  bench = the load generator (this program with the AppHost it hosts, or the peer's bench.js)");
        text.AppendLine($"  {"kiosks",6} {"requests",8} {"total",7} {"ceiling",7}  " + string.Join(" ", processes.Select(p => $"{p,9}")));
        foreach (var r in measured)
        {
            var perOrder = processes.Select(p => r.CpuSeconds!.GetValueOrDefault(p) * 1000 / r.Correct);
            var requests = r.Requests is { } n ? ((double)n / r.Correct).ToString("0.0", CultureInfo.InvariantCulture) : "-";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  {r.Kiosks,6} {requests,8} {r.CpuMsPerOrder,7:0.0} {cores * 1000 / r.CpuMsPerOrder,7:0.0}  {string.Join(" ", perOrder.Select(ms => ms.ToString("0.0", CultureInfo.InvariantCulture).PadLeft(9)))}"));
        }
    }

    public static async Task WriteJsonAsync(BenchmarkReport report, string path) =>
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, Json));

    private static string Faults(OrderRun r) => $"{r.Wrong} / {r.Lost} / {r.Doubled}";

    /// <summary>"3.2× faster" or "1.5× slower" (or "× less/more" memory): Kiosk relative to Node.</summary>
    private static string Ratio(double kiosk, double node, bool lowerIsBetter)
    {
        if (kiosk <= 0 || node <= 0 || double.IsNaN(kiosk) || double.IsNaN(node))
        {
            return node <= 0 && kiosk > 0 && !lowerIsBetter ? "Node: none" : "";
        }
        var better = lowerIsBetter ? node / kiosk : kiosk / node;
        return better >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{better:0.0}x better")
            : string.Create(CultureInfo.InvariantCulture, $"{1 / better:0.0}x worse");
    }

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0", CultureInfo.InvariantCulture);
    private static string Number(double value) => value.ToString(value >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);
    private static string Seconds(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static string Row(string name, string node, string kiosk, string ratio) => $"{name,-52} {node,14} {kiosk,14} {ratio,16}";
}
