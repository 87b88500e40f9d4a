using Confluent.Kafka;

namespace Kiosk.IntegrationTests;

/// <summary>Direct access to the test broker: produce as another service would, read topics, see what a group has committed.</summary>
public sealed class KafkaProbe(KioskAppFixture fixture)
{
    public async Task<DeliveryResult<string, byte[]>> ProduceAsync(string topic, string key, byte[] value)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = fixture.KafkaBootstrapServers,
            LingerMs = 0,
        }).Build();
        return await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = key, Value = value });
    }

    /// <summary>Waits until <paramref name="group"/> has committed past the given message: the handler's transaction is done.</summary>
    public async Task WaitUntilConsumedAsync(string group, DeliveryResult<string, byte[]> delivered)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = fixture.KafkaBootstrapServers,
            GroupId = group,
        }).Build();
        await Eventually.TrueAsync(() =>
        {
            // Reading committed offsets does not join the group, so the service's consumer is not disturbed.
            var committed = consumer.Committed([delivered.TopicPartition], TimeSpan.FromSeconds(5));
            return Task.FromResult(committed.Single().Offset.Value > delivered.Offset.Value);
        }, KioskClient.Patience, $"consumer group {group} to commit past offset {delivered.Offset.Value} of {delivered.TopicPartition}");
    }

    /// <summary>Reads <paramref name="topic"/> from the beginning until a message matches.</summary>
    public Message<string, byte[]> Find(string topic, Func<Message<string, byte[]>, bool> match)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = fixture.KafkaBootstrapServers,
            GroupId = "test-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            FetchWaitMaxMs = 5,
            SessionTimeoutMs = 6000,
            HeartbeatIntervalMs = 1000,
        }).Build();
        consumer.Subscribe(topic);
        var deadline = DateTime.UtcNow + KioskClient.Patience;
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                if (consumer.Consume(TimeSpan.FromMilliseconds(500))?.Message is { } message && match(message))
                {
                    return message;
                }
            }
        }
        finally
        {
            consumer.Close();
        }
        throw new TimeoutException($"No matching message arrived on {topic} within {KioskClient.Patience.TotalSeconds:0} s.");
    }
}
