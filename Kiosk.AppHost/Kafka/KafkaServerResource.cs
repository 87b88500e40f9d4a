namespace Kiosk.AppHost.Kafka;

/// <summary>A single-node Kafka broker in a container (KRaft, no ZooKeeper).</summary>
public sealed class KafkaServerResource(string name) : ContainerResource(name), IResourceWithConnectionString
{
    /// <summary>Listener published to the host, for processes started by the AppHost.</summary>
    public const string PrimaryEndpointName = "tcp";

    /// <summary>Listener for other containers on the Aspire container network.</summary>
    public const string InternalEndpointName = "internal";

    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    public EndpointReference InternalEndpoint => field ??= new(this, InternalEndpointName);

    /// <summary>Bootstrap servers for host processes: <c>host:port</c> of the primary endpoint.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
