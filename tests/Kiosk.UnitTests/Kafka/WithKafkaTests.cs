using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Kiosk.AppHost.Kafka;

namespace Kiosk.UnitTests.Kafka;

public sealed class WithKafkaTests
{
    [Fact]
    public async Task WithKafka_passes_the_connection_string_and_waits_for_the_broker()
    {
        var builder = KafkaAppModel.Builder(("Kiosk:Kafka:Mode", "embedded"));
        var kafka = builder.AddKioskKafka();
        KafkaAppModel.AllocateEndpoints(kafka.Resource, ("tcp", 9092), ("control", 51236));

        var service = builder.AddExecutable("service", "true", ".").WithKafka(kafka);

        var wait = Assert.Single(service.Resource.Annotations.OfType<WaitAnnotation>());
        Assert.Same(kafka.Resource, wait.Resource);
        var env = await KafkaAppModel.EnvironmentAsync(service.Resource);
        Assert.Equal("127.0.0.1:9092", env["ConnectionStrings__kafka"]);
    }

    [Fact]
    public async Task WithKafka_tunes_clients_for_the_embedded_broker()
    {
        var builder = KafkaAppModel.Builder(("Kiosk:Kafka:Mode", "embedded"));
        var kafka = builder.AddKioskKafka();
        KafkaAppModel.AllocateEndpoints(kafka.Resource, ("tcp", 9092), ("control", 51236));

        var service = builder.AddExecutable("service", "true", ".").WithKafka(kafka);
        var env = await KafkaAppModel.EnvironmentAsync(service.Resource);

        Assert.Equal("0", env["Kafka__Producer__Config__linger.ms"]);
        // The broker's forwarder answers a waiting fetch as soon as records arrive, so the default wait stays.
        Assert.DoesNotContain("Kafka__Consumer__Config__fetch.wait.max.ms", env.Keys);
        Assert.Equal("6000", env["Kafka__Consumer__Config__session.timeout.ms"]);
        Assert.Equal("1000", env["Kafka__Consumer__Config__heartbeat.interval.ms"]);
    }

    [Fact]
    public async Task WithKafka_leaves_client_defaults_alone_for_a_real_broker()
    {
        var builder = KafkaAppModel.Builder(("Kiosk:Kafka:Mode", "external"), ("ConnectionStrings:kafka", "broker1:9092"));
        var kafka = builder.AddKioskKafka();

        var service = builder.AddExecutable("service", "true", ".").WithKafka(kafka);
        var env = await KafkaAppModel.EnvironmentAsync(service.Resource);

        Assert.Equal("broker1:9092", env["ConnectionStrings__kafka"]);
        Assert.DoesNotContain(env.Keys, k => k.StartsWith("Kafka__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithKafka_passes_configured_client_settings_on_and_they_win_over_the_embedded_tuning()
    {
        var builder = KafkaAppModel.Builder(("Kiosk:Kafka:Mode", "embedded"),
            ("Kiosk:Kafka:ConsumerConfig:max.poll.interval.ms", "10000"),
            ("Kiosk:Kafka:ConsumerConfig:session.timeout.ms", "7000"),
            ("Kiosk:Kafka:ProducerConfig:message.timeout.ms", "60000"));
        var kafka = builder.AddKioskKafka();
        KafkaAppModel.AllocateEndpoints(kafka.Resource, ("tcp", 9092), ("control", 51236));

        var service = builder.AddExecutable("service", "true", ".").WithKafka(kafka);
        var env = await KafkaAppModel.EnvironmentAsync(service.Resource);

        Assert.Equal("10000", env["Kafka__Consumer__Config__max.poll.interval.ms"]);
        Assert.Equal("7000", env["Kafka__Consumer__Config__session.timeout.ms"]);
        Assert.Equal("60000", env["Kafka__Producer__Config__message.timeout.ms"]);
        Assert.Equal("0", env["Kafka__Producer__Config__linger.ms"]);
    }

    [Fact]
    public async Task WithKafka_passes_configured_client_settings_to_a_real_broker_too()
    {
        var builder = KafkaAppModel.Builder(("Kiosk:Kafka:Mode", "external"), ("ConnectionStrings:kafka", "broker1:9092"),
            ("Kiosk:Kafka:ConsumerConfig:max.poll.interval.ms", "120000"));
        var kafka = builder.AddKioskKafka();

        var service = builder.AddExecutable("service", "true", ".").WithKafka(kafka);
        var env = await KafkaAppModel.EnvironmentAsync(service.Resource);

        Assert.Equal("120000", env["Kafka__Consumer__Config__max.poll.interval.ms"]);
        Assert.DoesNotContain(env.Keys, k => k.StartsWith("Kafka__Producer__", StringComparison.Ordinal));
    }
}
