using Confluent.Kafka;
using Kiosk.Messaging;
using Kiosk.Messaging.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.UnitTests.Messaging;

/// <summary>A scripted consumer: hands out queued messages of unpaused partitions; an empty poll lets the fake time pass.</summary>
internal sealed class FakeConsumerClient(FakeTimeProvider clock) : IConsumerClient
{
    private readonly List<InboundMessage> _queue = [];

    public HashSet<TopicPartition> Paused { get; } = [];
    public List<InboundMessage> Stored { get; } = [];
    public int Commits { get; private set; }
    public Func<Exception?> CommitFailure { get; set; } = () => null;
    public Error? FatalError { get; set; }
    public bool Disposed { get; private set; }

    public void Enqueue(params InboundMessage[] messages) => _queue.AddRange(messages);

    public InboundMessage? Consume(TimeSpan timeout)
    {
        var next = _queue.FirstOrDefault(m => !Paused.Contains(m.TopicPartition));
        if (next is null)
        {
            clock.Advance(timeout);
            return null;
        }
        _queue.Remove(next);
        return next;
    }

    public void StoreOffset(InboundMessage message) => Stored.Add(message);

    public void Commit()
    {
        if (CommitFailure() is { } failure)
        {
            throw failure;
        }
        Commits++;
    }

    public void Pause(TopicPartition partition) => Paused.Add(partition);

    public void Resume(TopicPartition partition) => Paused.Remove(partition);

    public void Seek(InboundMessage message) => _queue.Insert(0, message);

    public void Dispose() => Disposed = true;

    public static InboundMessage Message(string topic, int partition, long offset) =>
        new(topic, partition, offset, $"key-{offset}", [], []);
}
