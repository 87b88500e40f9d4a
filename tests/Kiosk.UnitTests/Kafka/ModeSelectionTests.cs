using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Kiosk.AppHost.Infrastructure;
using Kiosk.AppHost.Kafka;
using Microsoft.Extensions.Configuration;

namespace Kiosk.UnitTests.Kafka;

public sealed class ModeSelectionTests
{
    [Fact]
    public void External_mode_without_a_connection_string_fails_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => KafkaAppModel.AddKafka(("Kiosk:Kafka:Mode", "external")));

        Assert.Contains("ConnectionStrings:kafka", error.Message, StringComparison.Ordinal);
        Assert.Contains("Kiosk:Kafka:Mode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task External_mode_hands_the_configured_bootstrap_servers_to_clients()
    {
        var kafka = KafkaAppModel.AddKafka(("Kiosk:Kafka:Mode", "External"), ("ConnectionStrings:kafka", "broker1:9092,broker2:9092"));

        Assert.IsNotType<KafkaServerResource>(kafka.Resource);
        Assert.IsNotType<KafkaBrokerResource>(kafka.Resource);
        Assert.Equal("broker1:9092,broker2:9092", await kafka.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None));
        // WaitFor(kafka) waits until the cluster answers, as in the other modes.
        Assert.Equal("kafka_check", Assert.Single(kafka.Resource.Annotations.OfType<HealthCheckAnnotation>()).Key);
    }

    [Fact]
    public void Unknown_mode_fails_listing_the_valid_modes()
    {
        var error = Assert.Throws<InvalidOperationException>(() => KafkaAppModel.AddKafka(("Kiosk:Kafka:Mode", "cloud")));

        Assert.Contains("'cloud'", error.Message, StringComparison.Ordinal);
        Assert.Contains("auto, container, embedded, external", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_mode_without_a_container_runtime_runs_the_embedded_broker()
    {
        var kafka = KafkaAppModel.AddKafka((ContainerRuntime.RuntimeSetting, "kiosk-no-such-container-cli"));

        Assert.IsType<KafkaBrokerResource>(kafka.Resource);
    }

    [Fact]
    public void Container_runtime_is_available_only_when_it_reports_a_server_version()
    {
        // `echo` exits 0 and prints its arguments, like a runtime printing its version; `false` fails like a stopped daemon.
        Assert.True(ContainerRuntime.IsAvailable(Settings("echo")));
        Assert.False(ContainerRuntime.IsAvailable(Settings("false")));
        Assert.False(ContainerRuntime.IsAvailable(Settings("kiosk-no-such-container-cli")));
    }

    [Fact]
    public void Port_outside_the_tcp_range_is_rejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => KafkaAppModel.AddKafka(("Kiosk:Kafka:Mode", "embedded"), ("Kiosk:Kafka:Port", "70000")));

        Assert.Contains("Kiosk:Kafka:Port", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(string runtime) =>
        new ConfigurationBuilder().AddInMemoryCollection([new(ContainerRuntime.RuntimeSetting, runtime)]).Build();
}
