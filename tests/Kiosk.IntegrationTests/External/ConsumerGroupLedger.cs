using Confluent.Kafka;

namespace Kiosk.IntegrationTests.External;

/// <summary>One partition of a topic, as offsets are kept: per consumer group, topic and partition.</summary>
public sealed record PartitionKey(string Group, string Topic, int Partition)
{
    public override string ToString() => $"{Group} {Topic}[{Partition}]";
}

/// <summary>A message as the broker holds it: where it is and which event it carries.</summary>
public sealed record StoredEvent(string Topic, int Partition, long Offset, string Key, Guid EventId);

/// <summary>
/// What the broker knows about the services' consumer groups: their committed offsets per partition, the partitions'
/// ends, and every message of a topic. Reading committed offsets does not join a group, so no consumer is disturbed.
/// </summary>
public sealed class ConsumerGroupLedger(string bootstrapServers)
{
    /// <summary>The topics each service's consumer group reads (its <c>AddEventConsumer</c> handlers).</summary>
    public static IReadOnlyDictionary<string, string[]> GroupTopics { get; } = new Dictionary<string, string[]>
    {
        ["orders"] = [Kiosk.Contracts.Topics.CartCheckout, Kiosk.Contracts.Topics.PaymentConfirmed],
        ["payments"] = [Kiosk.Contracts.Topics.OrderCreated, Kiosk.Contracts.Topics.OrderCancelled],
    };

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Committed offset per group, topic and partition; 0 where the group has committed nothing yet.</summary>
    public Dictionary<PartitionKey, long> CommittedOffsets()
    {
        var offsets = new Dictionary<PartitionKey, long>();
        foreach (var (group, topics) in GroupTopics)
        {
            using var consumer = NewConsumer(group);
            var partitions = topics.SelectMany(Partitions).ToList();
            foreach (var committed in consumer.Committed(partitions, Timeout))
            {
                // Unset: nothing committed, so the group starts at the partition's beginning (auto.offset.reset=earliest).
                offsets[new(group, committed.Topic, committed.Partition.Value)] = committed.Offset == Offset.Unset ? 0 : committed.Offset.Value;
            }
        }
        return offsets;
    }

    /// <summary>The end (next offset to be written) of each partition the groups read.</summary>
    public Dictionary<PartitionKey, long> Ends()
    {
        using var consumer = NewConsumer("test-ends-" + Guid.NewGuid().ToString("N"));
        return GroupTopics
            .SelectMany(g => g.Value.SelectMany(Partitions).Select(p => new PartitionKey(g.Key, p.Topic, p.Partition.Value)))
            .ToDictionary(k => k, k => consumer.QueryWatermarkOffsets(new TopicPartition(k.Topic, k.Partition), Timeout).High.Value);
    }

    /// <summary>Waits until every group has committed every partition to its end: all work so far is handled.</summary>
    public Task WaitUntilCaughtUpAsync(TimeSpan patience) =>
        Eventually.TrueAsync(() =>
        {
            var (committed, ends) = (CommittedOffsets(), Ends());
            return Task.FromResult(ends.All(e => committed[e.Key] == e.Value));
        }, patience, "the orders and payments consumer groups to commit every partition to its end");

    /// <summary>Every message of <paramref name="topic"/>, read from each partition's beginning to its current end.</summary>
    public List<StoredEvent> ReadAll(string topic)
    {
        using var consumer = NewConsumer("test-read-" + Guid.NewGuid().ToString("N"));
        var events = new List<StoredEvent>();
        foreach (var partition in Partitions(topic))
        {
            var end = consumer.QueryWatermarkOffsets(partition, Timeout).High.Value;
            if (end == 0)
            {
                continue;
            }
            consumer.Assign(new TopicPartitionOffset(partition, Offset.Beginning));
            var deadline = DateTime.UtcNow + Timeout;
            while (events.Count(e => e.Partition == partition.Partition.Value) < end)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{partition} was not read to its end ({end}) within {Timeout.TotalSeconds:0} s.");
                }
                if (consumer.Consume(TimeSpan.FromMilliseconds(500)) is { Message: { } message } result)
                {
                    using var json = JsonDocument.Parse(message.Value);
                    events.Add(new(topic, result.Partition.Value, result.Offset.Value, message.Key, json.RootElement.GetProperty("event_id").GetGuid()));
                }
            }
            consumer.Unassign();
        }
        return events;
    }

    private IEnumerable<TopicPartition> Partitions(string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        return admin.GetMetadata(topic, Timeout).Topics.Single().Partitions
            .Select(p => new TopicPartition(topic, p.PartitionId))
            .OrderBy(p => p.Partition.Value)
            .ToList();
    }

    private IConsumer<string, byte[]> NewConsumer(string group) => new ConsumerBuilder<string, byte[]>(new ConsumerConfig
    {
        BootstrapServers = bootstrapServers,
        GroupId = group,
        EnableAutoCommit = false,
        FetchWaitMaxMs = 5,
    }).Build();
}
