using Kiosk.Contracts;
using Kiosk.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace Kiosk.UnitTests.Deployment;

public sealed class TopicCheckTests
{
    private static readonly TopicDeclaration Checkout = Topics.Declared.Single(t => t.Name == Topics.CartCheckout);

    private static Dictionary<string, ExistingTopic> Broker(params ExistingTopic[] topics) => topics.ToDictionary(t => t.Name);

    [Fact]
    public void Declared_topics_the_broker_lacks_are_the_ones_to_create()
    {
        var existing = Broker([.. Topics.Declared.Where(t => t.Name != Topics.OrderCreated).Select(t => new ExistingTopic(t.Name, t.Partitions, 1))]);

        var missing = TopicCheck.Missing(Topics.Declared, existing);

        Assert.Equal(Topics.OrderCreated, Assert.Single(missing).Name);
    }

    [Fact]
    public void A_topic_with_fewer_partitions_than_declared_is_a_problem_naming_the_topic()
    {
        var findings = TopicCheck.CompareMetadata([Checkout], Broker(new ExistingTopic(Topics.CartCheckout, 1, 3)), TopicReplication.Production).ToList();

        var finding = Assert.Single(findings);
        Assert.True(finding.IsProblem);
        Assert.Contains("CART_CHECKOUT has 1 partition(s); at least 3", finding.Message);
    }

    [Fact]
    public void More_partitions_than_declared_pass_and_fewer_replicas_are_a_warning()
    {
        Assert.Empty(TopicCheck.CompareMetadata([Checkout], Broker(new ExistingTopic(Topics.CartCheckout, 12, 3)), TopicReplication.Production));

        var finding = Assert.Single(TopicCheck.CompareMetadata([Checkout], Broker(new ExistingTopic(Topics.CartCheckout, 3, 1)), TopicReplication.Production));
        Assert.False(finding.IsProblem);
        Assert.Contains("CART_CHECKOUT has 1 replica(s) per partition; 3 are declared", finding.Message);
    }

    [Fact]
    public void Shorter_retention_and_lower_min_insync_replicas_than_declared_are_warnings()
    {
        var config = new Dictionary<string, string> { ["retention.ms"] = "3600000", ["min.insync.replicas"] = "1" };

        var findings = TopicCheck.CompareConfig(Checkout, config, TopicReplication.Production).ToList();

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.False(f.IsProblem));
        Assert.Contains(findings, f => f.Message.Contains("retention.ms=3600000; 604800000", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("min.insync.replicas=1; 2 are declared", StringComparison.Ordinal));
    }

    [Fact]
    public void Unlimited_retention_and_the_declared_settings_pass()
    {
        var config = new Dictionary<string, string> { ["retention.ms"] = "-1", ["min.insync.replicas"] = "2" };

        Assert.Empty(TopicCheck.CompareConfig(Checkout, config, TopicReplication.Production));
    }

    [Fact]
    public void A_topic_is_created_with_its_retention_and_the_deployment_s_min_insync_replicas()
    {
        var config = TopicCheck.ConfigOf(Checkout, TopicReplication.Production);

        Assert.Equal("604800000", config["retention.ms"]);
        Assert.Equal("2", config["min.insync.replicas"]);
        Assert.Equal("create it with 3 partition(s), replication factor 3, retention.ms=604800000, min.insync.replicas=2",
            TopicCheck.HowToCreate(Checkout, TopicReplication.Production));
    }

    [Theory]
    [InlineData("Development", 1, 1)]
    [InlineData("Production", 3, 2)]
    public void Replication_defaults_follow_the_environment(string environment, int factor, int minInsync)
    {
        var replication = KafkaTopicSettings.Replication(new ConfigurationBuilder().Build(), Environment(environment));

        Assert.Equal(new TopicReplication(factor, minInsync), replication);
    }

    [Fact]
    public void Configured_replication_wins_and_an_impossible_one_is_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:Topics:ReplicationFactor"] = "5",
            ["Kafka:Topics:MinInsyncReplicas"] = "3",
        }).Build();
        Assert.Equal(new TopicReplication(5, 3), KafkaTopicSettings.Replication(configuration, Environment("Development")));

        var impossible = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:Topics:ReplicationFactor"] = "1",
            ["Kafka:Topics:MinInsyncReplicas"] = "2",
        }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => KafkaTopicSettings.Replication(impossible, Environment("Production")));
        Assert.Contains("MinInsyncReplicas at most ReplicationFactor", error.Message);
    }

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
