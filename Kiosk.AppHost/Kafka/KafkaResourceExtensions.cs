using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kiosk.AppHost.Kafka;

/// <summary>Adds the Kafka broker the way this machine can run it, and connects projects to it.</summary>
public static class KafkaResourceExtensions
{
    private const string PortKey = "Kiosk:Kafka:Port";
    private const string DataVolumeKey = "Kiosk:Kafka:DataVolume";
    private const string TopicsKey = "Kiosk:Kafka:Topics";
    private const string ProducerConfigKey = "Kiosk:Kafka:ProducerConfig";
    private const string ConsumerConfigKey = "Kiosk:Kafka:ConsumerConfig";

    /// <summary>
    /// Adds the Kafka resource. <c>Kiosk:Kafka:Mode</c> picks the broker: <c>auto</c> (default: a container when
    /// a container runtime answers, else embedded), <c>container</c>, <c>embedded</c> or <c>external</c>
    /// (<c>ConnectionStrings:{name}</c>). <c>Kiosk:Kafka:Port</c> is the host port (default 9092; 0 = any free
    /// port), <c>Kiosk:Kafka:DataVolume</c> keeps container data, <c>Kiosk:Kafka:Topics</c> adds embedded topics.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddKioskKafka(this IDistributedApplicationBuilder builder, string name = "kafka")
    {
        var config = builder.Configuration;
        var port = config.GetValue(PortKey, 9092);
        if (port is < 0 or > 65535)
        {
            throw new InvalidOperationException($"{PortKey} is {port}; expected a TCP port, or 0 for any free port.");
        }

        return KafkaModeSetting.Resolve(config) switch
        {
            KafkaMode.Container => KafkaContainer.Add(builder, name, port == 0 ? null : port, config.GetValue(DataVolumeKey, false)),
            KafkaMode.External => AddExternal(builder, name),
            _ => EmbeddedKafka.Add(builder, name, port, config[TopicsKey]),
        };
    }

    /// <summary>
    /// References Kafka from a project (<c>ConnectionStrings:{name}</c>) and waits until the broker is healthy.
    /// Against the embedded broker it also sets client settings that suit it (no linger, short fetch wait).
    /// Any librdkafka setting under <c>Kiosk:Kafka:ProducerConfig</c> / <c>Kiosk:Kafka:ConsumerConfig</c>
    /// (e.g. <c>Kiosk:Kafka:ConsumerConfig:max.poll.interval.ms</c>) is passed on too, and wins.
    /// </summary>
    public static IResourceBuilder<T> WithKafka<T>(this IResourceBuilder<T> project, IResourceBuilder<IResourceWithConnectionString> kafka)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        project.WithReference(kafka).WaitFor(kafka);
        if (kafka.Resource is KafkaBrokerResource)
        {
            foreach (var (key, value) in EmbeddedClientTuning.EnvironmentVariables)
            {
                project.WithEnvironment(key, value);
            }
        }

        var configuration = project.ApplicationBuilder.Configuration;
        foreach (var (section, client) in new[] { (ProducerConfigKey, "Producer"), (ConsumerConfigKey, "Consumer") })
        {
            foreach (var setting in configuration.GetSection(section).GetChildren().Where(s => s.Value is not null))
            {
                project.WithEnvironment($"Kafka__{client}__Config__{setting.Key}", setting.Value);
            }
        }

        return project;
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddExternal(IDistributedApplicationBuilder builder, string name)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)))
        {
            throw new InvalidOperationException(
                $"{KafkaModeSetting.Key} is 'external' but ConnectionStrings:{name} is not set. " +
                $"Set it to the bootstrap servers, e.g. ConnectionStrings__{name}=broker1:9092,broker2:9092.");
        }

        // As for the container: WaitFor(kafka) means the cluster answers a metadata request, not merely that an address is
        // set. The probe connects with the producers' settings, which carry what a secured cluster asks of every client.
        var kafka = builder.AddConnectionString(name);
        var probeSettings = builder.Configuration.GetSection(ProducerConfigKey).GetChildren()
            .Where(s => s.Value is not null)
            .Select(s => KeyValuePair.Create(s.Key, s.Value!))
            .ToList();
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new KafkaMetadataHealthCheck(kafka.Resource, probeSettings), failureStatus: null, tags: null));
        return kafka.WithHealthCheck(healthCheckKey);
    }
}
