using System.Collections.Concurrent;
using System.Diagnostics;

namespace Kiosk.Benchmarks;

/// <summary>One measured quantity: latencies in milliseconds, failures, and the wall time they were taken in.</summary>
public sealed class Measurement(string name)
{
    private readonly ConcurrentBag<double> _milliseconds = [];
    private int _errors;

    public string Name => name;
    public TimeSpan WallTime { get; set; }

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);
    public void Fail() => Interlocked.Increment(ref _errors);

    /// <summary>Runs <paramref name="count"/> operations on <paramref name="concurrency"/> workers and records the wall time.</summary>
    public async Task RunAsync(int count, int concurrency, Func<int, Task> operation)
    {
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(count, concurrency)).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    await operation(index);
                }
                catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException or InvalidOperationException)
                {
                    Fail();
                    Console.Error.WriteLine($"  {name} #{index}: {ex.Message}");
                }
            }
        }));
        WallTime = wall.Elapsed;
    }

    /// <param name="perMinute">Throughput in operations per minute instead of per second.</param>
    public Result ToResult(bool withThroughput, bool perMinute = false)
    {
        var sorted = _milliseconds.Order().ToArray();
        double? throughput = withThroughput && WallTime > TimeSpan.Zero
            ? sorted.Length / (perMinute ? WallTime.TotalMinutes : WallTime.TotalSeconds)
            : null;
        return new Result(name, sorted.Length, _errors,
            Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted.LastOrDefault(),
            throughput is null ? null : Math.Round(throughput.Value, 1), throughput is null ? null : perMinute ? "/min" : "/s");
    }

    // Nearest-rank percentile: an observed value, never an interpolation between two.
    private static double Percentile(double[] sorted, int percent) =>
        sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
}

public sealed record Result(string Name, int Count, int Errors, double P50Ms, double P95Ms, double P99Ms, double MaxMs,
    double? Throughput, string? ThroughputUnit);
