using System.Reflection;
using Kiosk.Contracts;

namespace Kiosk.UnitTests.Deployment;

public sealed class TopicDeclarationTests
{
    // Every topic name the services publish to or subscribe to is a constant of Topics.
    private static readonly string[] TopicNames = [.. typeof(Topics)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != nameof(Topics.DeadLetterSuffix))
        .Select(f => (string)f.GetRawConstantValue()!)];

    [Fact]
    public void Every_topic_the_services_use_is_declared_once_with_its_dead_letter_topic()
    {
        var declared = Topics.Declared.Select(t => t.Name).ToList();

        Assert.Equal(declared.Count, declared.Distinct().Count());
        Assert.Equal(12, declared.Count);
        foreach (var topic in TopicNames)
        {
            Assert.Contains(Topics.Declared, t => t.Name == topic && !t.IsDeadLetter);
            Assert.Contains(Topics.Declared, t => t.Name == Topics.DeadLetterOf(topic) && t.IsDeadLetter);
        }
        Assert.Equal(TopicNames.Order(), Topics.All.Order());
    }

    [Fact]
    public void The_declared_order_flow_topics_are_the_public_names()
    {
        Assert.Contains(Topics.Declared, t => t.Name == "CART_CHECKOUT");
        Assert.Contains(Topics.Declared, t => t.Name == "ORDER_CREATED");
        Assert.Contains(Topics.Declared, t => t.Name == "PAYMENT_CONFIRMED");
        Assert.Contains(Topics.Declared, t => t.Name == "PAYMENT_CONFIRMED.DLT");
    }

    [Fact]
    public void Event_topics_are_partitioned_and_dead_letters_are_kept_longer_than_events()
    {
        Assert.All(Topics.Declared.Where(t => !t.IsDeadLetter), t =>
        {
            Assert.Equal(Topics.EventPartitions, t.Partitions);
            Assert.Equal(TimeSpan.FromDays(7), t.Retention);
        });
        Assert.All(Topics.Declared.Where(t => t.IsDeadLetter), t =>
        {
            Assert.Equal(1, t.Partitions);
            Assert.True(t.Retention > Topics.EventRetention);
        });
    }

    [Fact]
    public void Production_replication_survives_one_lost_broker_and_development_fits_one_broker()
    {
        Assert.Equal(new TopicReplication(3, 2), TopicReplication.Production);
        Assert.Equal(new TopicReplication(1, 1), TopicReplication.Development);
    }
}
