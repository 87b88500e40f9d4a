namespace Kiosk.AppHost.Kafka;

/// <summary>
/// The embedded broker: the Kiosk.KafkaBroker project, a Kafka-protocol broker on a loopback port,
/// for machines without a container runtime.
/// </summary>
public sealed class KafkaBrokerResource(string name) : ProjectResource(name), IResourceWithConnectionString
{
    /// <summary>The Kafka listener; not proxied, because the broker advertises this port in metadata.</summary>
    public const string KafkaEndpointName = "tcp";

    /// <summary>
    /// HTTP surface on 127.0.0.1 only: /health and /topics; POST /broker/down, /broker/up and /broker/errors only when
    /// <see cref="EmbeddedKafka.ControlApiKey"/> lets the broker map them (Development and tests).
    /// </summary>
    public const string ControlEndpointName = "control";

    public EndpointReference KafkaEndpoint => field ??= new(this, KafkaEndpointName);

    public EndpointReference ControlEndpoint => field ??= new(this, ControlEndpointName);

    /// <summary>Bootstrap servers: <c>127.0.0.1:port</c>, the address the broker advertises.</summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{KafkaEndpoint.Property(EndpointProperty.Port)}");
}
