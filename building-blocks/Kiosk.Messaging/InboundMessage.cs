using Confluent.Kafka;

namespace Kiosk.Messaging;

/// <summary>One message as the consumer pipeline sees it: from the broker, or from a parked dead letter being replayed.</summary>
public sealed record InboundMessage(string Topic, int Partition, long Offset, string? Key, byte[] Value, Headers Headers)
{
    public TopicPartition TopicPartition => new(Topic, new Partition(Partition));

    public static InboundMessage From(ConsumeResult<string, byte[]> result) => new(
        result.Topic, result.Partition.Value, result.Offset.Value, result.Message.Key, result.Message.Value ?? [],
        result.Message.Headers ?? []);

    public override string ToString() => $"{Topic}[{Partition}]@{Offset}";
}
