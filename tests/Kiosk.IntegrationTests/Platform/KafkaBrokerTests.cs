using System.Diagnostics;
using Aspire.Hosting.Testing;
using Confluent.Kafka;
using Kiosk.Messaging;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Kiosk.IntegrationTests.Platform;

[Collection(KioskCollection.Name)]
public sealed class KafkaBrokerTests(KioskAppFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Trace_context_crosses_the_broker_so_the_consumer_span_is_a_child_of_the_publish_span()
    {
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(KafkaTelemetry.ActivitySourceName, "Kiosk.Tests")
            .AddInMemoryExporter(exported)
            .Build();
        using var testSource = new ActivitySource("Kiosk.Tests");
        const string topic = KioskAppFixture.TraceTestTopic;

        using var producer = new ProducerBuilder<string, byte[]>(ProducerConfig()).Build();
        var publisher = new KafkaEventPublisher(producer);
        using (var request = testSource.StartActivity("POST /api/carts/{id}/checkout", ActivityKind.Server))
        {
            await publisher.PublishAsync(topic, "order-1", "{}"u8.ToArray(), request!.Context);
        }

        var consumed = ConsumeOne(topic);
        using (KafkaTelemetry.StartProcess(consumed, "trace-test"))
        {
        }
        tracing.ForceFlush();

        var publish = Assert.Single(exported, a => a.DisplayName == $"{topic} publish");
        var process = Assert.Single(exported, a => a.DisplayName == $"{topic} process");
        var root = Assert.Single(exported, a => a.Source.Name == "Kiosk.Tests");
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        Assert.Equal(ActivityKind.Consumer, process.Kind);
        Assert.Equal(root.TraceId, process.TraceId);
        Assert.Equal(publish.SpanId, process.ParentSpanId);
        Assert.Equal("kafka", process.GetTagItem("messaging.system"));
        Assert.Equal(topic, process.GetTagItem("messaging.destination.name"));
        Assert.Equal("process", process.GetTagItem("messaging.operation.type"));
    }

    [Fact]
    public async Task A_message_published_during_a_broker_outage_is_delivered_after_recovery()
    {
        const string topic = KioskAppFixture.OutageTestTopic;
        using var control = new HttpClient { BaseAddress = fixture.KafkaControlUrl };
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig(ProducerConfig()) { MessageTimeoutMs = 60_000 }).Build();

        (await control.PostAsync("/broker/down", null)).EnsureSuccessStatusCode();
        Task<DeliveryResult<string, byte[]>> delivery;
        try
        {
            delivery = producer.ProduceAsync(topic, new Message<string, byte[]> { Key = "k", Value = "during-outage"u8.ToArray() });
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.False(delivery.IsCompleted, "The broker was down, so the message cannot have been acknowledged yet.");
        }
        finally
        {
            (await control.PostAsync("/broker/up", null)).EnsureSuccessStatusCode();
        }

        var result = await delivery.WaitAsync(Patience);
        Assert.Equal(PersistenceStatus.Persisted, result.Status);
        Assert.Equal("during-outage", System.Text.Encoding.UTF8.GetString(ConsumeOne(topic).Message.Value));
    }

    [Fact]
    public async Task A_consumer_waiting_on_an_empty_topic_gets_a_new_message_without_waiting_out_its_fetch_wait()
    {
        const string topic = KioskAppFixture.WakeTestTopic;
        // A broker that let a waiting fetch sit out its whole wait would hold the message back for 30 s.
        var fetchWait = TimeSpan.FromSeconds(30);
        var patience = TimeSpan.FromSeconds(8);
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig(ConsumerConfig())
        {
            FetchWaitMaxMs = (int)fetchWait.TotalMilliseconds,
        }).Build();
        // Every partition from offset 0 at once, so its first fetch already asks for them all: a partition that joined
        // later would wait for the fetch in flight, on any broker.
        consumer.Assign(Enumerable.Range(0, PartitionCount(topic)).Select(p => new TopicPartitionOffset(topic, p, 0)));
        Assert.Null(consumer.Consume(TimeSpan.FromMilliseconds(500)));

        using var producer = new ProducerBuilder<string, byte[]>(ProducerConfig()).Build();
        await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = "k", Value = "wake-up"u8.ToArray() });

        var consumed = consumer.Consume(patience);
        Assert.True(consumed is not null, $"The message did not arrive within {patience}, though its consumer's fetch wait is {fetchWait}.");
        Assert.Equal("wake-up", System.Text.Encoding.UTF8.GetString(consumed.Message.Value));
        consumer.Close();
    }

    [Fact]
    public void An_idle_consumer_asks_about_once_per_fetch_wait_not_hundreds_of_times_a_second()
    {
        const string topic = KioskAppFixture.WakeTestTopic;
        var fetchWait = TimeSpan.FromMilliseconds(500);
        var idle = TimeSpan.FromSeconds(4);
        long fetches = -1;
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig(ConsumerConfig())
        {
            FetchWaitMaxMs = (int)fetchWait.TotalMilliseconds,
            StatisticsIntervalMs = 1000,
        }).SetStatisticsHandler((_, json) => fetches = FetchRequests(json)).Build();
        // From the end of every partition: nothing to read, so each fetch the broker answers at once is one too many.
        consumer.Assign(Enumerable.Range(0, PartitionCount(topic)).Select(p => new TopicPartitionOffset(topic, p, Offset.End)));
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < idle)
        {
            Assert.Null(consumer.Consume(TimeSpan.FromMilliseconds(200)));
        }
        consumer.Close();

        // One fetch per wait, plus one per record produced anywhere meanwhile (each ends the waiting fetches early).
        var expected = idle / fetchWait;
        Assert.InRange(fetches, expected / 2, expected * 4);
    }

    [Fact]
    public async Task A_partition_added_to_a_waiting_consumer_gets_its_backlog_at_its_first_fetch()
    {
        const string topic = KioskAppFixture.NewPartitionTestTopic;
        var fetchWait = TimeSpan.FromSeconds(30);
        var patience = TimeSpan.FromSeconds(8);
        using var producer = new ProducerBuilder<string, byte[]>(ProducerConfig()).Build();
        await producer.ProduceAsync(new TopicPartition(topic, 1), new Message<string, byte[]> { Key = "k", Value = "backlog"u8.ToArray() });

        // As after a rebalance: a consumer waiting on one empty partition is given a second one with a backlog.
        var fetching = new HashSet<int>();
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig(ConsumerConfig())
        {
            FetchWaitMaxMs = (int)fetchWait.TotalMilliseconds,
            StatisticsIntervalMs = 1000,
        }).SetStatisticsHandler((_, json) => fetching = FetchingPartitions(json, topic)).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, 0));
        Assert.Null(consumer.Consume(TimeSpan.FromMilliseconds(500)));
        consumer.IncrementalAssign([new TopicPartitionOffset(topic, 1, 0)]);

        // The fetch in flight asks for partition 0 alone and waits, so a record elsewhere ends it once the consumer means
        // to fetch partition 1 too; its next fetch asks for partition 1, whose backlog a broker hands over at once.
        ConsumeResult<string, byte[]>? consumed = null;
        await Eventually.TrueAsync(() => Task.FromResult((consumed = consumer.Consume(TimeSpan.FromMilliseconds(200))) is not null || fetching.Contains(1)),
            TimeSpan.FromSeconds(10), "the consumer to start fetching partition 1");
        if (consumed is null)
        {
            await producer.ProduceAsync(new TopicPartition(topic, 2), new Message<string, byte[]> { Key = "k", Value = "elsewhere"u8.ToArray() });
            consumed = consumer.Consume(patience);
        }

        Assert.True(consumed is not null, $"The backlog did not arrive within {patience}, though its consumer's fetch wait is {fetchWait}.");
        Assert.Equal("backlog", System.Text.Encoding.UTF8.GetString(consumed.Message.Value));
        consumer.Close();
    }

    [Fact]
    public async Task A_service_reports_unready_while_the_broker_is_down_and_ready_again_after()
    {
        using var control = new HttpClient { BaseAddress = fixture.KafkaControlUrl };
        using var cart = fixture.App.CreateHttpClient("cart", "http");
        Assert.Equal(HttpStatusCode.OK, (await cart.GetAsync("/health")).StatusCode);

        (await control.PostAsync("/broker/down", null)).EnsureSuccessStatusCode();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await cart.GetAsync("/health")).StatusCode);
        }
        finally
        {
            (await control.PostAsync("/broker/up", null)).EnsureSuccessStatusCode();
        }

        await Eventually.TrueAsync(async () => (await cart.GetAsync("/health")).StatusCode == HttpStatusCode.OK,
            Patience, "the cart service to report ready again after the broker came back");
    }

    private ProducerConfig ProducerConfig() => new() { BootstrapServers = fixture.KafkaBootstrapServers, LingerMs = 0 };

    private ConsumerConfig ConsumerConfig() => new()
    {
        BootstrapServers = fixture.KafkaBootstrapServers,
        GroupId = "test-" + Guid.NewGuid().ToString("N"),
        AutoOffsetReset = AutoOffsetReset.Earliest,
        FetchWaitMaxMs = 5,
        SessionTimeoutMs = 6000,
        HeartbeatIntervalMs = 1000,
    };

    private int PartitionCount(string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = fixture.KafkaBootstrapServers }).Build();
        return admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Count;
    }

    /// <summary>The partitions of a topic that librdkafka's statistics show as being fetched.</summary>
    private static HashSet<int> FetchingPartitions(string statistics, string topic)
    {
        var partitions = JsonNode.Parse(statistics)?["topics"]?[topic]?["partitions"]?.AsObject() ?? [];
        return [.. partitions
            .Where(p => int.TryParse(p.Key, out var id) && id >= 0 && (string?)p.Value?["fetch_state"] == "active")
            .Select(p => int.Parse(p.Key))];
    }

    /// <summary>The Fetch requests librdkafka's statistics count on all of a client's broker connections.</summary>
    private static long FetchRequests(string statistics) =>
        JsonNode.Parse(statistics)?["brokers"]?.AsObject().Sum(b => (long?)b.Value?["req"]?["Fetch"] ?? 0) ?? 0;

    private ConsumeResult<string, byte[]> ConsumeOne(string topic)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(ConsumerConfig()).Build();
        consumer.Subscribe(topic);
        var result = consumer.Consume(Patience) ?? throw new TimeoutException($"No message arrived on {topic} within {Patience}.");
        consumer.Close();
        return result;
    }
}
