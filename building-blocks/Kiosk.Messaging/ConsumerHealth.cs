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

/// <summary>
/// The broadcast consumer's view of itself (see <see cref="KafkaBroadcastConsumer"/>): when its thread last polled, how
/// many partitions it holds, and the last error librdkafka reported. Written by the consume thread, read by the check.
/// </summary>
internal sealed class BroadcastConsumerHealth(string group, DateTimeOffset startedAt)
{
    /// <summary>A thread that has not polled for this long is stuck (a handler blocks it), whatever the broker says.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private DateTimeOffset? _lastPoll;
    private int _partitions;
    private string? _lastError;

    public void Polled(DateTimeOffset now, int assignedPartitions)
    {
        lock (_gate)
        {
            _lastPoll = now;
            _partitions = assignedPartitions;
        }
    }

    /// <summary>Partitions assigned: the group coordinator answered, so whatever went wrong before is over.</summary>
    public void Assigned(int partitions)
    {
        lock (_gate)
        {
            _partitions = partitions;
            _lastError = null;
        }
    }

    public void Failed(string reason)
    {
        lock (_gate)
        {
            _lastError = reason;
        }
    }

    /// <param name="now">The time of the check.</param>
    /// <param name="brokerProblem">Why the broker did not answer a probe just now; null when it did.</param>
    public HealthCheckResult Check(DateTimeOffset now, string? brokerProblem)
    {
        DateTimeOffset? lastPoll;
        int partitions;
        string? lastError;
        lock (_gate)
        {
            (lastPoll, partitions, lastError) = (_lastPoll, _partitions, _lastError);
        }

        var silentFor = now - (lastPoll ?? startedAt);
        if (silentFor >= StuckAfter)
        {
            return HealthCheckResult.Unhealthy(
                $"Broadcast consumer {group} is stuck: no poll for {silentFor.TotalSeconds:0} s");
        }
        if (brokerProblem is not null)
        {
            return HealthCheckResult.Unhealthy($"Broadcast consumer {group} cannot reach the broker: {brokerProblem}");
        }
        if (partitions == 0)
        {
            // Joining the group (at start, or again after an outage cost it its partitions): events wait on the broker.
            return HealthCheckResult.Degraded(
                $"Broadcast consumer {group} has no partitions yet" + (lastError is null ? "" : $" (last error: {lastError})"));
        }
        return HealthCheckResult.Healthy($"Broadcast consumer {group} holds {partitions} partitions and is consuming");
    }
}

/// <summary>Healthy while the broadcast consumer polls, holds its partitions and the broker answers.</summary>
internal sealed class BroadcastConsumerHealthCheck(BroadcastConsumerHealth health, KafkaBrokerProbe broker, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        health.Check(clock.GetUtcNow(), await broker.ProblemAsync());
}
