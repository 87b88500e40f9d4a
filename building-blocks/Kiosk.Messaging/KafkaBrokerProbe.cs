using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kiosk.Messaging;

/// <summary>
/// Asks the broker for metadata on one admin client that lives as long as the process (every librdkafka client owns
/// threads and sockets: one per probe would leak them). Disposed with the service provider at shutdown.
/// <para>
/// Single-flight: the metadata call blocks its thread for up to its timeout while the broker is away, so it runs on a
/// thread of its own, and every health check asking meanwhile shares it. However often /health is called during an
/// outage (an orchestrator, a load balancer, every check of the process), at most one thread waits on the broker and
/// none of the thread pool's. A check gets the answer of the call running when it asks, or of one it starts: never a
/// cached verdict, so a broker that goes away shows at the next check.
/// </para>
/// </summary>
internal sealed class KafkaBrokerProbe(AdminClientConfig adminConfig) : IDisposable
{
    private readonly Lazy<IAdminClient> _admin = new(() => new AdminClientBuilder(adminConfig).SetLogHandler((_, _) => { }).Build());
    private readonly Lock _gate = new();
    private Task<string?>? _asking;

    /// <returns>Null when a broker answered, else why not.</returns>
    public Task<string?> ProblemAsync()
    {
        lock (_gate)
        {
            if (_asking is { IsCompleted: false } asking)
            {
                return asking;
            }
            return _asking = Task.Factory.StartNew(Ask, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    private string? Ask()
    {
        try
        {
            var metadata = _admin.Value.GetMetadata(TimeSpan.FromSeconds(3));
            return metadata.Brokers.Count > 0 ? null : $"no Kafka broker answered at {adminConfig.BootstrapServers}";
        }
        catch (KafkaException ex)
        {
            return $"Kafka at {adminConfig.BootstrapServers} did not answer: {ex.Error.Reason}";
        }
    }

    public void Dispose()
    {
        if (_admin.IsValueCreated)
        {
            _admin.Value.Dispose();
        }
    }
}

/// <summary>Healthy while the broker answers and the consumer group makes progress.</summary>
internal sealed class ConsumerHealthCheck(ConsumerHealth health, KafkaBrokerProbe broker, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await broker.ProblemAsync() is { } problem ? HealthCheckResult.Unhealthy(problem) : health.Check(clock.GetUtcNow());
}

/// <summary>Healthy while the broker answers and the producer has not failed fatally.</summary>
internal sealed class ProducerHealthCheck(ProducerHolder producer, KafkaBrokerProbe broker) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        producer.FatalError is { } fatal ? HealthCheckResult.Unhealthy($"Producer failed fatally ({fatal.Code}: {fatal.Reason}); it is rebuilt on the next send")
        : await broker.ProblemAsync() is { } problem ? HealthCheckResult.Unhealthy(problem)
        : HealthCheckResult.Healthy("Kafka broker reachable");
}
