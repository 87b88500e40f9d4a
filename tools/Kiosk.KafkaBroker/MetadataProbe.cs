using Confluent.Kafka;

namespace Kiosk.KafkaBroker;

/// <summary>Asks the broker for metadata through the client port, exactly as a Kafka client would.</summary>
internal sealed class MetadataProbe(KafkaBroker broker) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    // One long-lived client: creating and destroying one per probe costs ~200 ms in rd_kafka_destroy.
    private readonly Lazy<IAdminClient> _admin = new(() => new AdminClientBuilder(new AdminClientConfig
    {
        BootstrapServers = broker.BootstrapServers,
        SocketTimeoutMs = 2000,
        // Notice the end of an outage within half a second rather than the default 10 s back-off.
        ReconnectBackoffMs = 50,
        ReconnectBackoffMaxMs = 500,
    })
    // Refused connections during an outage are the expected answer, not log noise.
    .SetLogHandler((_, _) => { })
    .Build());

    /// <summary>True when a metadata request through the client port answers with at least one broker.</summary>
    public bool IsServing()
    {
        if (broker.BootstrapServers.Length == 0)
        {
            return false;
        }

        try
        {
            return _admin.Value.GetMetadata(Timeout).Brokers.Count > 0;
        }
        catch (KafkaException)
        {
            return false;
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
