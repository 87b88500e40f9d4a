using System.Diagnostics;
using System.Globalization;

namespace Kiosk.Benchmarks;

/// <summary>
/// CPU time (user + system) of a system's processes, read from /proc (Linux only): what each order costs each process,
/// which on a machine of two cores bounds the orders per second more firmly than any latency.
/// </summary>
public static class ProcessCpu
{
    /// <summary>
    /// The name under which the load generator is reported: this program (with the AppHost it hosts, for Kiosk) and the
    /// peer's bench.js it runs.
    /// </summary>
    public const string LoadGenerator = "bench";

    // USER_HZ: /proc reports CPU time in these ticks on every Linux the benchmark runs on.
    private const double TicksPerSecond = 100;

    /// <summary>
    /// CPU seconds used so far by each named process and all its descendants (PostgreSQL's backends count as
    /// "postgres"), with children that already ended included through their parent's account; with the load generator,
    /// this program and the child programs it has waited for (the peer's bench.js).
    /// </summary>
    public static Dictionary<string, double> Seconds(IEnumerable<(string Name, int Pid)> roots, bool withLoadGenerator)
    {
        var table = ProcessMemory.ReadProcessTable();
        var seconds = new Dictionary<string, double>();
        if (withLoadGenerator)
        {
            seconds[LoadGenerator] = Ticks(Environment.ProcessId) / TicksPerSecond;
        }
        foreach (var (name, pid) in roots)
        {
            seconds[name] = seconds.GetValueOrDefault(name)
                + ProcessMemory.SelfAndDescendants(table, pid).Sum(p => Ticks(p.Pid)) / TicksPerSecond;
        }
        return seconds;
    }

    /// <summary>
    /// The share of one core each process uses while nobody orders: what the system costs through a store's quiet hours
    /// (background loops, consumers' fetches, health checks).
    /// </summary>
    public static async Task<Dictionary<string, double>> IdleShareAsync(Func<Dictionary<string, double>> read, TimeSpan span)
    {
        var before = read();
        var watch = Stopwatch.StartNew();
        await Task.Delay(span);
        var used = Used(before, read());
        return used.ToDictionary(p => p.Key, p => p.Value / watch.Elapsed.TotalSeconds);
    }

    /// <summary>What each process used between two readings.</summary>
    public static Dictionary<string, double> Used(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after) =>
        after.ToDictionary(p => p.Key, p => Math.Max(0, p.Value - before.GetValueOrDefault(p.Key)));

    /// <summary>The process's own ticks and those of its children that ended and were waited for.</summary>
    private static long Ticks(int pid)
    {
        try
        {
            // After "(comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
            return Field(11) + Field(12) + Field(13) + Field(14);
        }
        catch (IOException)
        {
            // Ended while being read: its time is in its parent's account by now.
            return 0;
        }
    }
}
