using Confluent.Kafka;

namespace Kiosk.IntegrationTests.Replicas;

/// <summary>Everything on a topic right now, read from the beginning of every partition without joining a group.</summary>
public static class TopicSnapshot
{
    public static List<Message<string, byte[]>> ReadAll(string bootstrapServers, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(p => new TopicPartition(topic, p.PartitionId))
            .ToList();

        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "test-snapshot-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
            FetchWaitMaxMs = 5,
        }).Build();
        var ends = partitions.ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value);
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));

        var messages = new List<Message<string, byte[]>>();
        var remaining = ends.Where(e => e.Value > 0).Select(e => e.Key).ToHashSet();
        var deadline = DateTime.UtcNow + KioskClient.Patience;
        while (remaining.Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Reading {topic} to its end took longer than {KioskClient.Patience.TotalSeconds:0} s.");
            }
            if (consumer.Consume(TimeSpan.FromMilliseconds(500)) is { Message: not null } result)
            {
                messages.Add(result.Message);
                if (result.Offset.Value + 1 >= ends[result.TopicPartition])
                {
                    remaining.Remove(result.TopicPartition);
                }
            }
        }
        consumer.Close();
        return messages;
    }
}
