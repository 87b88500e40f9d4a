using Kiosk.Messaging;
using Kiosk.Messaging.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Kiosk.UnitTests.Messaging;

public sealed class KafkaClientSettingsTests
{
    [Theory]
    [InlineData("not a broker")]
    [InlineData("localhost")]
    [InlineData("localhost:9092,:abc")]
    public void A_bad_kafka_connection_string_fails_at_registration_with_a_message_naming_the_setting(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:kafka"] = connectionString });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddKafkaProducer("kafka"));

        Assert.Contains("ConnectionStrings:kafka", error.Message);
        Assert.Contains("host:port", error.Message);
    }

    [Fact]
    public void A_missing_kafka_connection_string_fails_at_registration()
    {
        var builder = Host.CreateApplicationBuilder();

        var error = Assert.Throws<InvalidOperationException>(() =>
            builder.AddEventConsumer<Microsoft.EntityFrameworkCore.DbContext>("kafka", "orders", _ => { }));

        Assert.Contains("ConnectionStrings:kafka", error.Message);
    }

    [Fact]
    public void A_consumer_without_a_group_id_is_refused()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:kafka"] = "localhost:9092" });

        var error = Assert.Throws<InvalidOperationException>(() =>
            builder.AddEventConsumer<Microsoft.EntityFrameworkCore.DbContext>("kafka", " ", _ => { }));

        Assert.Contains("consumer group", error.Message);
    }

    [Theory]
    [InlineData("localhost:9092")]
    [InlineData("broker-1.internal:9092, broker-2.internal:9093")]
    [InlineData("127.0.0.1:55123")]
    public void Valid_bootstrap_server_lists_are_accepted(string servers)
    {
        var settings = new KafkaClientSettings { BootstrapServers = servers };

        settings.Validate("kafka");
    }

    [Fact]
    public void Librdkafka_settings_come_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:kafka"] = "localhost:9092",
            ["Kafka:Consumer:Config:fetch.wait.max.ms"] = "5",
        }).Build();

        var settings = KafkaExtensions.ReadSettings(configuration, "kafka", "Consumer");

        Assert.Equal("localhost:9092", settings.BootstrapServers);
        Assert.Equal("5", settings.Config["fetch.wait.max.ms"]);
    }
}
