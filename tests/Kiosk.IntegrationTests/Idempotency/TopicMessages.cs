using Confluent.Kafka;

namespace Kiosk.IntegrationTests.Idempotency;

/// <summary>Counts what a topic holds for one key, reading every partition from the start to its current end.</summary>
public static class TopicMessages
{
    public static int CountWithKey(KioskAppFixture fixture, string topic, string key)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = fixture.KafkaBootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(p => new TopicPartitionOffset(topic, p.PartitionId, Offset.Beginning))
            .ToList();

        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = fixture.KafkaBootstrapServers,
            GroupId = "test-count-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
            EnablePartitionEof = true,
            FetchWaitMaxMs = 5,
        }).Build();
        // Assigned, not subscribed: no group join, and every partition is read however the key was partitioned.
        consumer.Assign(partitions);

        var unfinished = partitions.Select(p => p.Partition.Value).ToHashSet();
        var count = 0;
        var deadline = DateTime.UtcNow + KioskClient.Patience;
        while (unfinished.Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{topic} was not read to its end within {KioskClient.Patience.TotalSeconds:0} s.");
            }
            var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
            if (result is null)
            {
                continue;
            }
            if (result.IsPartitionEOF)
            {
                unfinished.Remove(result.Partition.Value);
            }
            else if (result.Message.Key == key)
            {
                count++;
            }
        }
        return count;
    }
}
