using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kiosk.AppHost.Kafka;

/// <summary>
/// Healthy when the broker answers a metadata request on the resource's bootstrap servers. <paramref name="clientSettings"/>
/// are librdkafka settings the probe needs to be let in (an external cluster's security.protocol, sasl.*, ssl.*).
/// </summary>
internal sealed class KafkaMetadataHealthCheck(IResourceWithConnectionString kafka, IEnumerable<KeyValuePair<string, string>>? clientSettings = null)
    : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var bootstrap = await kafka.ConnectionStringExpression.GetValueAsync(cancellationToken);
        if (string.IsNullOrEmpty(bootstrap))
        {
            return HealthCheckResult.Unhealthy($"The '{kafka.Name}' connection string is not available yet.");
        }

        // GetMetadata blocks; keep it off the health check service's thread.
        return await Task.Run(() => Probe(bootstrap), cancellationToken);
    }

    private HealthCheckResult Probe(string bootstrap)
    {
        var config = new AdminClientConfig(new Dictionary<string, string>(clientSettings ?? []))
        {
            BootstrapServers = bootstrap,
            SocketTimeoutMs = (int)Timeout.TotalMilliseconds,
        };
        using var admin = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).Build();
        try
        {
            var metadata = admin.GetMetadata(Timeout);
            return metadata.Brokers.Count > 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{bootstrap} answered with no brokers.");
        }
        catch (KafkaException ex)
        {
            return HealthCheckResult.Unhealthy($"No metadata from {bootstrap}: {ex.Error.Reason}", ex);
        }
    }
}
