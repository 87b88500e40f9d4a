using System.Net;
using System.Net.Sockets;

namespace Kiosk.AppHost.Kafka;

/// <summary>Embedded mode: runs the Kiosk.KafkaBroker project as the Kafka resource.</summary>
internal static class EmbeddedKafka
{
    public static IResourceBuilder<KafkaBrokerResource> Add(IDistributedApplicationBuilder builder, string name, int port, string? extraTopics)
    {
        // The broker advertises its own port, so it must be known before start: 0 means pick a free one now.
        var kafkaPort = port == 0 ? FreeLoopbackPort() : port;

        // What AddProject does, for a project resource type of our own (it also carries the connection string).
#pragma warning disable ASPIREPROJECTS001 // Evaluation API; it is the supported way to give a custom resource .NET launch defaults.
        var broker = builder.AddResource(new KafkaBrokerResource(name))
            .WithAnnotation(new Projects.Kiosk_KafkaBroker())
            .WithProjectDefaults(new ProjectResourceOptions { ExcludeLaunchProfile = true })
#pragma warning restore ASPIREPROJECTS001
            .WithEndpoint(
                port: kafkaPort,
                targetPort: kafkaPort,
                scheme: "tcp",
                name: KafkaBrokerResource.KafkaEndpointName,
                env: "KAFKA_PORT",
                isProxied: false)
            .WithHttpEndpoint(name: KafkaBrokerResource.ControlEndpointName)
            .WithHttpHealthCheck("/health", endpointName: KafkaBrokerResource.ControlEndpointName);

        if (!string.IsNullOrWhiteSpace(extraTopics))
        {
            broker.WithEnvironment("Broker__Topics", extraTopics);
        }

        return broker;
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
