namespace Kiosk.AppHost.Kafka;

/// <summary>
/// librdkafka settings for clients of the embedded broker, as configuration keys the services bind
/// (Kafka:Producer:Config, Kafka:Consumer:Config). Real Kafka keeps librdkafka's defaults.
/// </summary>
internal static class EmbeddedClientTuning
{
    public static IReadOnlyDictionary<string, string> EnvironmentVariables { get; } = new Dictionary<string, string>
    {
        // Send at once: the embedded broker is local, batching only adds delay.
        ["Kafka__Producer__Config__linger.ms"] = "0",
        // The mock delays a rebalance by session.timeout.ms - 1 s when members join or leave.
        ["Kafka__Consumer__Config__session.timeout.ms"] = "6000",
        ["Kafka__Consumer__Config__heartbeat.interval.ms"] = "1000",
        // Topics exist from start-up; a stale "unknown topic" should clear within a second.
        ["Kafka__Consumer__Config__topic.metadata.refresh.interval.ms"] = "1000",
        // Reconnect quickly after a broker outage instead of backing off up to 10 s.
        ["Kafka__Producer__Config__reconnect.backoff.max.ms"] = "1000",
        ["Kafka__Consumer__Config__reconnect.backoff.max.ms"] = "1000",
    };
}
