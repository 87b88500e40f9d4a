using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Kiosk.AppHost.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Kiosk.UnitTests.Kafka;

public sealed class ContainerModeTests
{
    private static readonly (string, string) ContainerMode = ("Kiosk:Kafka:Mode", "container");

    [Fact]
    public void Container_mode_runs_a_single_node_confluent_local_image()
    {
        var kafka = KafkaAppModel.AddKafka(ContainerMode);

        var server = Assert.IsType<KafkaServerResource>(kafka.Resource);
        Assert.Equal("kafka", server.Name);
        var image = server.Annotations.OfType<ContainerImageAnnotation>().Single();
        Assert.Equal("docker.io", image.Registry);
        Assert.Equal("confluentinc/confluent-local", image.Image);
        Assert.StartsWith("7.", image.Tag, StringComparison.Ordinal);
    }

    [Fact]
    public void Container_mode_publishes_the_host_listener_on_the_configured_port()
    {
        var kafka = KafkaAppModel.AddKafka(ContainerMode, ("Kiosk:Kafka:Port", "19092"));

        var tcp = KafkaAppModel.Endpoint(kafka.Resource, KafkaServerResource.PrimaryEndpointName);
        Assert.Equal(19092, tcp.Port);
        Assert.Equal(9092, tcp.TargetPort);
        var @internal = KafkaAppModel.Endpoint(kafka.Resource, KafkaServerResource.InternalEndpointName);
        Assert.Null(@internal.Port);
        Assert.Equal(9093, @internal.TargetPort);
    }

    [Fact]
    public void Container_mode_with_port_zero_lets_the_host_port_be_assigned()
    {
        var kafka = KafkaAppModel.AddKafka(ContainerMode, ("Kiosk:Kafka:Port", "0"));

        Assert.Null(KafkaAppModel.Endpoint(kafka.Resource, KafkaServerResource.PrimaryEndpointName).Port);
    }

    [Fact]
    public async Task Container_mode_advertises_host_and_internal_listeners()
    {
        var kafka = KafkaAppModel.AddKafka(ContainerMode);

        var env = await KafkaAppModel.DeclaredEnvironmentAsync(kafka.Resource, DistributedApplicationOperation.Run);

        Assert.Equal(
            "PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:9092,PLAINTEXT_INTERNAL://0.0.0.0:9093",
            env["KAFKA_LISTENERS"]);
        Assert.Equal(
            "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT,PLAINTEXT_INTERNAL:PLAINTEXT",
            env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"]);
        // Host processes reach the published port; containers reach the broker by resource name on the target port.
        Assert.Equal(
            "PLAINTEXT://localhost:29092,PLAINTEXT_HOST://localhost:{kafka.bindings.tcp.port},PLAINTEXT_INTERNAL://kafka:{kafka.bindings.internal.targetPort}",
            env["KAFKA_ADVERTISED_LISTENERS"]);
        Assert.False(env.ContainsKey("KAFKA_LOG_DIRS"));
    }

    [Fact]
    public async Task Container_mode_advertises_endpoint_addresses_when_published()
    {
        var kafka = KafkaAppModel.AddKafka(ContainerMode);

        var env = await KafkaAppModel.DeclaredEnvironmentAsync(kafka.Resource, DistributedApplicationOperation.Publish);

        Assert.Equal(
            "PLAINTEXT://{kafka.bindings.tcp.host}:29092,PLAINTEXT_HOST://{kafka.bindings.tcp.host}:{kafka.bindings.tcp.port},PLAINTEXT_INTERNAL://{kafka.bindings.internal.host}:{kafka.bindings.internal.port}",
            env["KAFKA_ADVERTISED_LISTENERS"]);
    }

    [Fact]
    public async Task Container_mode_connection_string_is_host_and_port_of_the_tcp_endpoint()
    {
        var kafka = KafkaAppModel.AddKafka(ContainerMode);
        KafkaAppModel.AllocateEndpoints(kafka.Resource, ("tcp", 51234), ("internal", 51235));

        Assert.Equal("{kafka.bindings.tcp.host}:{kafka.bindings.tcp.port}", kafka.Resource.ConnectionStringExpression.ValueExpression);
        Assert.Equal("localhost:51234", await kafka.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None));
    }

    [Fact]
    public void Container_mode_waits_on_a_kafka_metadata_health_check()
    {
        var builder = KafkaAppModel.Builder(ContainerMode);
        var kafka = builder.AddKioskKafka();

        var annotation = Assert.Single(kafka.Resource.Annotations.OfType<HealthCheckAnnotation>());
        using var services = builder.Services.BuildServiceProvider();
        var registrations = services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.Contains(registrations, r => r.Name == annotation.Key);
    }

    [Fact]
    public async Task Container_health_check_is_unhealthy_while_nothing_answers_on_the_kafka_port()
    {
        var builder = KafkaAppModel.Builder(ContainerMode);
        var kafka = builder.AddKioskKafka();
        var closedPort = ClosedLoopbackPort();
        KafkaAppModel.AllocateEndpoints(kafka.Resource, ("tcp", closedPort), ("internal", closedPort));

        using var services = builder.Services.BuildServiceProvider();
        var key = kafka.Resource.Annotations.OfType<HealthCheckAnnotation>().Single().Key;
        var registration = services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Single(r => r.Name == key);
        var check = registration.Factory(services);
        var result = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration });

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains($"localhost:{closedPort}", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Container_mode_keeps_broker_data_in_a_volume_when_asked()
    {
        var kafka = KafkaAppModel.AddKafka(ContainerMode, ("Kiosk:Kafka:DataVolume", "true"));

        var mount = Assert.Single(kafka.Resource.Annotations.OfType<ContainerMountAnnotation>());
        Assert.Equal(ContainerMountType.Volume, mount.Type);
        Assert.Equal("/var/lib/kafka/data", mount.Target);
        Assert.False(string.IsNullOrEmpty(mount.Source));
        var env = await KafkaAppModel.DeclaredEnvironmentAsync(kafka.Resource, DistributedApplicationOperation.Run);
        Assert.Equal("/var/lib/kafka/data", env["KAFKA_LOG_DIRS"]);
    }

    [Fact]
    public void Container_mode_without_the_setting_keeps_no_volume()
    {
        var kafka = KafkaAppModel.AddKafka(ContainerMode);

        Assert.Empty(kafka.Resource.Annotations.OfType<ContainerMountAnnotation>());
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
