using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Kiosk.Messaging;

/// <summary>A Confluent.Kafka consumer subscribed to the group's topics, with librdkafka's logs and errors in ILogger.</summary>
internal sealed class KafkaConsumerClient : IConsumerClient
{
    private readonly IConsumer<string, byte[]> _consumer;
    private volatile Error? _fatalError;

    public KafkaConsumerClient(ConsumerConfig config, IEnumerable<string> topics, IRebalanceListener listener, ILogger logger)
    {
        _consumer = new ConsumerBuilder<string, byte[]>(config)
            .SetLogHandler((_, message) => KafkaLogging.Log(logger, message))
            .SetErrorHandler((_, error) =>
            {
                KafkaLogging.Error(logger, error);
                if (error.IsFatal)
                {
                    _fatalError = error;
                }
            })
            .SetPartitionsAssignedHandler((_, partitions) =>
                logger.LogInformation("Consumer group {Group} assigned {Partitions}", config.GroupId, string.Join(", ", partitions)))
            .SetPartitionsRevokedHandler((_, partitions) =>
                listener.OnRevoked([.. partitions.Select(p => p.TopicPartition)], lost: false))
            .SetPartitionsLostHandler((_, partitions) =>
                listener.OnRevoked([.. partitions.Select(p => p.TopicPartition)], lost: true))
            .Build();
        _consumer.Subscribe(topics);
    }

    public Error? FatalError => _fatalError;

    public InboundMessage? Consume(TimeSpan timeout) =>
        _consumer.Consume(timeout) is { Message: not null } result ? InboundMessage.From(result) : null;

    public void StoreOffset(InboundMessage message) =>
        _consumer.StoreOffset(new TopicPartitionOffset(message.TopicPartition, new Offset(message.Offset + 1)));

    public void Commit() => _consumer.Commit();

    public void Pause(TopicPartition partition) => _consumer.Pause([partition]);

    public void Resume(TopicPartition partition) => _consumer.Resume([partition]);

    public void Seek(InboundMessage message) =>
        _consumer.Seek(new TopicPartitionOffset(message.TopicPartition, new Offset(message.Offset)));

    public void Dispose()
    {
        try
        {
            // Leaves the group at once, so the partitions move to another member without waiting out the session.
            _consumer.Close();
        }
        catch (KafkaException)
        {
            // A consumer that failed fatally cannot leave cleanly; the group notices when its session expires.
        }
        finally
        {
            _consumer.Dispose();
        }
    }
}
