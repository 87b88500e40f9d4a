using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kiosk.Messaging;

/// <summary>
/// Asks the broker for metadata on one admin client that lives as long as the process (every librdkafka client owns
/// threads and sockets: one per probe would leak them). Disposed with the service provider at shutdown.
/// </summary>
internal sealed class KafkaBrokerProbe(AdminClientConfig adminConfig) : IDisposable
{
    private readonly Lazy<IAdminClient> _admin = new(() => new AdminClientBuilder(adminConfig).SetLogHandler((_, _) => { }).Build());

    /// <returns>Null when a broker answered, else why not.</returns>
    public string? Problem()
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
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(broker.Problem() is { } problem ? HealthCheckResult.Unhealthy(problem) : health.Check(clock.GetUtcNow()));
}

/// <summary>Healthy while the broker answers and the producer has not failed fatally.</summary>
internal sealed class ProducerHealthCheck(ProducerHolder producer, KafkaBrokerProbe broker) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            producer.FatalError is { } fatal ? HealthCheckResult.Unhealthy($"Producer failed fatally ({fatal.Code}: {fatal.Reason}); it is rebuilt on the next send")
            : broker.Problem() is { } problem ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy("Kafka broker reachable"));
}
