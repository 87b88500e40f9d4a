using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kiosk.AppHost.Kafka;

/// <summary>Container mode: confluent-local, a one-node KRaft broker, configured through its environment.</summary>
internal static class KafkaContainer
{
    public const string Registry = "docker.io";
    public const string Image = "confluentinc/confluent-local";
    public const string Tag = "7.7.1";

    public const int HostListenerPort = 9092;
    public const int InternalListenerPort = 9093;
    public const string DataPath = "/var/lib/kafka/data";

    public static IResourceBuilder<KafkaServerResource> Add(IDistributedApplicationBuilder builder, string name, int? hostPort, bool dataVolume)
    {
        var kafka = new KafkaServerResource(name);

        // Keyed per resource: the check resolves this resource's own connection string when it runs.
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new KafkaMetadataHealthCheck(kafka), failureStatus: null, tags: null));

        var container = builder.AddResource(kafka)
            .WithImage(Image, Tag)
            .WithImageRegistry(Registry)
            .WithEndpoint(port: hostPort, targetPort: HostListenerPort, name: KafkaServerResource.PrimaryEndpointName)
            .WithEndpoint(targetPort: InternalListenerPort, name: KafkaServerResource.InternalEndpointName)
            .WithEnvironment(context => ConfigureListeners(context, kafka))
            .WithHealthCheck(healthCheckKey);

        if (dataVolume)
        {
            container
                .WithVolume(VolumeNameGenerator.Generate(container, "data"), DataPath)
                .WithEnvironment("KAFKA_LOG_DIRS", DataPath);
        }

        return container;
    }

    // The image's defaults (see confluentinc/kafka-images, local/) define PLAINTEXT and CONTROLLER on
    // localhost inside the container; two listeners are added: one published to the host, one for containers.
    private static void ConfigureListeners(EnvironmentCallbackContext context, KafkaServerResource kafka)
    {
        context.EnvironmentVariables["KAFKA_LISTENERS"] =
            $"PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093," +
            $"PLAINTEXT_HOST://0.0.0.0:{HostListenerPort},PLAINTEXT_INTERNAL://0.0.0.0:{InternalListenerPort}";
        context.EnvironmentVariables["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"] =
            "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT,PLAINTEXT_INTERNAL:PLAINTEXT";

        var host = kafka.PrimaryEndpoint;
        var @internal = kafka.InternalEndpoint;

        // Clients connect to whatever address the broker advertises, so each listener must advertise the
        // address its clients can reach: the published port for host processes, the container name for containers.
        context.EnvironmentVariables["KAFKA_ADVERTISED_LISTENERS"] = context.ExecutionContext.IsRunMode
            ? ReferenceExpression.Create(
                $"PLAINTEXT://localhost:29092,PLAINTEXT_HOST://localhost:{host.Property(EndpointProperty.Port)},PLAINTEXT_INTERNAL://{kafka.Name}:{@internal.Property(EndpointProperty.TargetPort)}")
            : ReferenceExpression.Create(
                $"PLAINTEXT://{host.Property(EndpointProperty.Host)}:29092,PLAINTEXT_HOST://{host.Property(EndpointProperty.HostAndPort)},PLAINTEXT_INTERNAL://{@internal.Property(EndpointProperty.HostAndPort)}");
    }
}
