using Confluent.Kafka;
using Kiosk.Contracts;

namespace Kiosk.IntegrationTests.Platform;

/// <summary>The running system's broker has every declared topic as declared.</summary>
[Collection(KioskCollection.Name)]
public sealed class TopicTests(KioskAppFixture fixture)
{
    [Fact]
    public void The_broker_has_every_declared_topic_with_at_least_its_declared_partitions()
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = fixture.KafkaBootstrapServers }).Build();

        // All topics at once: asking for one by name would let the broker auto-create it.
        var existing = admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics
            .Where(t => !t.Error.IsError)
            .ToDictionary(t => t.Topic, t => t.Partitions.Count);

        Assert.All(Topics.Declared, topic =>
        {
            Assert.True(existing.TryGetValue(topic.Name, out var partitions), $"{topic.Name} is missing on the broker.");
            Assert.True(partitions >= topic.Partitions, $"{topic.Name} has {partitions} partitions; {topic.Partitions} are declared.");
        });
    }
}
