using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Kiosk.AppHost.Kafka;

/// <summary>Embedded mode: runs the Kiosk.KafkaBroker project as the Kafka resource.</summary>
internal static class EmbeddedKafka
{
    /// <summary>
    /// Whether the broker maps its outage and error switches (<c>/broker/*</c>): in Development (which the test host runs
    /// in) unless set to false, elsewhere only when set to true.
    /// </summary>
    public const string ControlApiKey = "Kiosk:Kafka:ControlApi";

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

        if (builder.Configuration.GetValue(ControlApiKey, builder.Environment.IsDevelopment()))
        {
            broker.WithEnvironment("Broker__ControlApi", "true");
        }

        if (!string.IsNullOrWhiteSpace(extraTopics))
        {
            broker.WithEnvironment("Broker__Topics", extraTopics);
        }

        return broker;
    }

    // Below Linux's ephemeral range (32768+): a port the kernel hands out for any free one can be taken by an outgoing
    // connection in the seconds before the broker binds it, and the broker then fails to start.
    private const int FirstPort = 20_000;
    private const int LastPort = 32_000;

    private static int FreeLoopbackPort()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(FirstPort, LastPort);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
        throw new InvalidOperationException($"No free port between {FirstPort} and {LastPort} on the loopback interface.");
    }
}
