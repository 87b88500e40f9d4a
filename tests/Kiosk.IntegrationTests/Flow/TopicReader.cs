using Confluent.Kafka;

namespace Kiosk.IntegrationTests.Flow;

/// <summary>Reads a topic from its beginning, as kcat does, to find the event published for one order.</summary>
public static class TopicReader
{
    public static JsonNode FindByKey(string bootstrapServers, string topic, string key, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "flow-test-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            FetchWaitMaxMs = 5,
            SessionTimeoutMs = 6000,
            HeartbeatIntervalMs = 1000,
        }).Build();
        consumer.Subscribe(topic);
        var deadline = DateTime.UtcNow + timeout;
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
                if (result?.Message is { } message && message.Key == key)
                {
                    return JsonNode.Parse(message.Value)!;
                }
            }
        }
        finally
        {
            consumer.Close();
        }
        throw new TimeoutException($"No message with key {key} arrived on {topic} within {timeout.TotalSeconds:0} s.");
    }
}
