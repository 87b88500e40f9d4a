using Confluent.Kafka;

namespace Kiosk.Messaging;

/// <summary>The few consumer operations the consume loop needs; a thin seam over <see cref="IConsumer{TKey,TValue}"/>.</summary>
internal interface IConsumerClient : IDisposable
{
    /// <returns>The next message, or null when none arrived within <paramref name="timeout"/>.</returns>
    InboundMessage? Consume(TimeSpan timeout);

    /// <summary>Marks the message done; the next <see cref="Commit"/> sends it.</summary>
    void StoreOffset(InboundMessage message);

    void Commit();

    void Pause(TopicPartition partition);

    void Resume(TopicPartition partition);

    /// <summary>Reads the partition again from <paramref name="message"/>'s offset.</summary>
    void Seek(InboundMessage message);

    /// <summary>Set when the client reported an error it cannot recover from; it must be replaced.</summary>
    Error? FatalError { get; }
}

/// <summary>What the client tells the loop during a rebalance (from inside <see cref="IConsumerClient.Consume"/>).</summary>
internal interface IRebalanceListener
{
    /// <param name="lost">True when the partitions were taken away without a chance to commit.</param>
    void OnRevoked(IReadOnlyList<TopicPartition> partitions, bool lost);
}
