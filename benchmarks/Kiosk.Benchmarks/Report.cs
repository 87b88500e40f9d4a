using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kiosk.Benchmarks;

public sealed record BenchmarkReport(
    string Mode,
    string GatewayUrl,
    DateTimeOffset When,
    int ProcessorCount,
    double? StartupSeconds,
    IReadOnlyList<ResourceStartup> Startup,
    IReadOnlyList<Result> Results,
    IReadOnlyList<MemoryRow> Memory);

/// <summary>Plain-text tables for people, JSON for tools.</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    public static string ToText(BenchmarkReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Kiosk benchmarks — {report.Mode}, gateway {report.GatewayUrl}, {report.ProcessorCount} CPUs, {report.When:yyyy-MM-dd HH:mm} UTC");
        if (report.StartupSeconds is { } startup)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Start-up until every resource is healthy and every service's /health answers 200: {startup:0.0} s");
            text.AppendLine($"  {"resource",-10} {"healthy s",10} {"/health s",10}");
            foreach (var r in report.Startup)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {r.Resource,-10} {r.HealthySeconds,10:0.0} {(r.ReadySeconds is { } ready ? ready.ToString("0.0", CultureInfo.InvariantCulture) : "-"),10}");
            }
            text.AppendLine("  (healthy = as Aspire reports it; a project without a health check counts as healthy once it runs)");
        }

        text.AppendLine();
        text.AppendLine(Row("scenario", "count", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "throughput"));
        text.AppendLine(new string('-', 118));
        foreach (var r in report.Results)
        {
            text.AppendLine(Row(r.Name, $"{r.Count}", $"{r.Errors}", Ms(r.P50Ms), Ms(r.P95Ms), Ms(r.P99Ms), Ms(r.MaxMs),
                r.Throughput is { } t ? $"{t:0.0} {r.ThroughputUnit}" : ""));
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"(waits poll every {KioskApi.PollInterval.TotalMilliseconds:0} ms; /s and /min are completed operations over wall time)");

        text.AppendLine();
        text.AppendLine($"{"resource",-10} {"pid",8} {"process",-20} {"VmRSS MiB",10} {"VmHWM MiB",10}");
        text.AppendLine(new string('-', 62));
        foreach (var m in report.Memory)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{m.Resource,-10} {m.Pid,8} {m.Process,-20} {m.RssMiB,10:0.0} {m.PeakRssMiB,10:0.0}");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"{"total",-10} {"",8} {"",-20} {report.Memory.Sum(m => m.RssMiB),10:0.0}");
        text.AppendLine("(VmHWM = peak resident set size; postgres = the server process only, not its backends)");
        return text.ToString();
    }

    public static async Task WriteJsonAsync(BenchmarkReport report, string path) =>
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, Json));

    private static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Row(string name, string count, string errors, string p50, string p95, string p99, string max, string throughput) =>
        $"{name,-46} {count,6} {errors,6} {p50,9} {p95,9} {p99,9} {max,9} {throughput,16}";
}
