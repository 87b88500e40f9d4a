using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kiosk.Messaging;

/// <summary>
/// The consumer's own view of its progress: which messages it keeps retrying and since when, and whether it is
/// rebuilding after a fatal error. Written by the consume thread, read by the health check.
/// </summary>
internal sealed class ConsumerHealth(string group)
{
    /// <summary>A message retried this long means the service cannot make progress by itself.</summary>
    public static readonly TimeSpan StallThreshold = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<TopicPartition, PendingMessage> _stalled = new();
    private volatile string? _broken;

    public void Retrying(PendingMessage pending) => _stalled[pending.Message.TopicPartition] = pending;

    public void Progressed(TopicPartition partition) => _stalled.TryRemove(partition, out _);

    public void Forget(TopicPartition partition) => _stalled.TryRemove(partition, out _);

    public void Broken(string reason)
    {
        _broken = reason;
        _stalled.Clear();
    }

    public void Connected() => _broken = null;

    public HealthCheckResult Check(DateTimeOffset now)
    {
        if (_broken is { } reason)
        {
            return HealthCheckResult.Unhealthy($"Consumer group {group}: {reason}");
        }

        var oldest = _stalled.Values
            .Where(p => p.FirstFailureAt is not null)
            .OrderBy(p => p.FirstFailureAt)
            .FirstOrDefault();
        if (oldest is null)
        {
            return HealthCheckResult.Healthy($"Consumer group {group} is making progress");
        }

        var stalledFor = now - oldest.FirstFailureAt!.Value;
        var description = $"Consumer group {group} stalled: retrying {oldest.Message} for {stalledFor.TotalSeconds:0} s: " +
                          $"{oldest.LastError?.Message}";
        // A short wait (an order a moment behind its payment) is normal; a long one needs someone to look.
        return stalledFor >= StallThreshold ? HealthCheckResult.Unhealthy(description) : HealthCheckResult.Healthy(description);
    }
}
