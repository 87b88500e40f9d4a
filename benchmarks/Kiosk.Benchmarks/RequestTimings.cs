using System.Collections.Concurrent;

namespace Kiosk.Benchmarks;

/// <summary>Response times of the scenario's HTTP requests, per request kind, while recording is on.</summary>
public sealed class RequestTimings
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _byRequest = new();

    public bool Recording { get; set; }

    public void Record(string request, TimeSpan elapsed)
    {
        if (Recording)
        {
            _byRequest.GetOrAdd(request, _ => []).Add(elapsed.TotalMilliseconds);
        }
    }

    public IReadOnlyDictionary<string, Percentiles> Summary() =>
        _byRequest.ToDictionary(p => p.Key, p => Percentiles.Of(p.Value));
}
