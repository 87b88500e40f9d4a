using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Kiosk.Messaging;

/// <summary>
/// Builds the consumers of one consumer group (a new one after each fatal error) and holds the group's health, which
/// outlives every consumer it builds.
/// </summary>
public sealed class KafkaConsumerFactory
{
    private readonly ConsumerConfig _config;

    internal KafkaConsumerFactory(ConsumerConfig config)
    {
        _config = config;
        Health = new ConsumerHealth(config.GroupId);
    }

    public string Group => _config.GroupId;

    internal ConsumerHealth Health { get; }

    internal IConsumerClient Create(IEnumerable<string> topics, IRebalanceListener listener, ILogger logger) =>
        new KafkaConsumerClient(_config, topics, listener, logger);
}
