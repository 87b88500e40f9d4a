using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Kiosk.AppHost.Kafka;

namespace Kiosk.UnitTests.Kafka;

public sealed class EmbeddedModeTests
{
    private static readonly (string, string) EmbeddedMode = ("Kiosk:Kafka:Mode", "embedded");

    [Fact]
    public void Embedded_mode_runs_the_broker_project_as_the_kafka_resource()
    {
        var kafka = KafkaAppModel.AddKafka(EmbeddedMode);

        var broker = Assert.IsType<KafkaBrokerResource>(kafka.Resource);
        Assert.Equal("kafka", broker.Name);
        var project = Assert.Single(broker.Annotations.OfType<IProjectMetadata>());
        Assert.EndsWith("Kiosk.KafkaBroker.csproj", project.ProjectPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embedded_mode_serves_kafka_on_the_configured_port_without_a_proxy()
    {
        var kafka = KafkaAppModel.AddKafka(EmbeddedMode, ("Kiosk:Kafka:Port", "19092"));

        // The broker advertises its own port in metadata, so a proxy in front would send clients around it.
        var tcp = KafkaAppModel.Endpoint(kafka.Resource, KafkaBrokerResource.KafkaEndpointName);
        Assert.False(tcp.IsProxied);
        Assert.Equal(19092, tcp.Port);
        Assert.Equal(19092, tcp.TargetPort);
        KafkaAppModel.AllocateEndpoints(kafka.Resource, ("tcp", 19092), ("control", 51236));
        var env = await KafkaAppModel.EnvironmentAsync(kafka.Resource);
        Assert.Equal("19092", env["KAFKA_PORT"]);
    }

    [Fact]
    public void Embedded_mode_defaults_to_port_9092()
    {
        var kafka = KafkaAppModel.AddKafka(EmbeddedMode);

        Assert.Equal(9092, KafkaAppModel.Endpoint(kafka.Resource, KafkaBrokerResource.KafkaEndpointName).Port);
    }

    [Fact]
    public void Embedded_mode_with_port_zero_picks_a_free_port_up_front()
    {
        var kafka = KafkaAppModel.AddKafka(EmbeddedMode, ("Kiosk:Kafka:Port", "0"));

        var tcp = KafkaAppModel.Endpoint(kafka.Resource, KafkaBrokerResource.KafkaEndpointName);
        Assert.InRange(tcp.Port ?? 0, 1, 65535);
        Assert.Equal(tcp.Port, tcp.TargetPort);
    }

    [Fact]
    public async Task Embedded_mode_connection_string_is_the_loopback_address_the_broker_advertises()
    {
        var kafka = KafkaAppModel.AddKafka(EmbeddedMode);
        KafkaAppModel.AllocateEndpoints(kafka.Resource, ("tcp", 9092), ("control", 51236));

        Assert.Equal("127.0.0.1:9092", await kafka.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None));
    }

    [Fact]
    public void Embedded_mode_is_healthy_only_through_its_control_endpoint()
    {
        var kafka = KafkaAppModel.AddKafka(EmbeddedMode);

        var control = KafkaAppModel.Endpoint(kafka.Resource, KafkaBrokerResource.ControlEndpointName);
        Assert.Equal("http", control.UriScheme);
        Assert.Single(kafka.Resource.Annotations.OfType<HealthCheckAnnotation>());
    }

    [Fact]
    public async Task Embedded_mode_passes_extra_topics_to_the_broker()
    {
        var kafka = KafkaAppModel.AddKafka(EmbeddedMode, ("Kiosk:Kafka:Topics", "TEST_A,TEST_B"));
        KafkaAppModel.AllocateEndpoints(kafka.Resource, ("tcp", 9092), ("control", 51236));

        var env = await KafkaAppModel.EnvironmentAsync(kafka.Resource);

        Assert.Equal("TEST_A,TEST_B", env["Broker__Topics"]);
    }
}
