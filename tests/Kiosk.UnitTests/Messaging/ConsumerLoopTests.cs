using Confluent.Kafka;
using Kiosk.Messaging;
using Kiosk.Messaging.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.UnitTests.Messaging;

public sealed class ConsumerLoopTests
{
    private const string Checkouts = "CART_CHECKOUT";
    private const string Payments = "PAYMENT_CONFIRMED";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-01T08:00:00Z"));
    private readonly List<FakeConsumerClient> _clients = [];
    private readonly List<InboundMessage> _handled = [];
    private readonly ConsumerHealth _health = new("orders");
    private Func<InboundMessage, string> _handler = _ => "handled";
    private IRebalanceListener? _listener;

    private ConsumerLoop Loop() => new(
        listener =>
        {
            _listener = listener;
            var client = new FakeConsumerClient(_clock);
            _clients.Add(client);
            return client;
        },
        new MessagePipeline("orders", new RetryPolicy(TimeSpan.FromMinutes(2)),
            (message, _) =>
            {
                var outcome = _handler(message);
                _handled.Add(message);
                return Task.FromResult(outcome);
            },
            (_, _, _) => Task.CompletedTask, _clock, NullLogger.Instance),
        _health, _clock, NullLogger.Instance, errorPause: TimeSpan.Zero);

    private static void Turns(ConsumerLoop loop, int count)
    {
        for (var i = 0; i < count; i++)
        {
            loop.RunOnce(CancellationToken.None);
        }
    }

    [Fact]
    public void A_commit_that_fails_with_unknown_member_is_survived_and_later_messages_are_handled_and_committed()
    {
        var loop = Loop();
        loop.RunOnce(CancellationToken.None);
        var client = _clients.Single();
        client.CommitFailure = () => new KafkaException(ErrorCode.UnknownMemberId);
        client.Enqueue(FakeConsumerClient.Message(Checkouts, 0, 1));
        Turns(loop, 5);

        client.CommitFailure = () => null;
        client.Enqueue(FakeConsumerClient.Message(Checkouts, 0, 2));
        Turns(loop, 5);

        Assert.Equal([1L, 2L], _handled.Select(m => m.Offset));
        Assert.Equal([1L, 2L], client.Stored.Select(m => m.Offset));
        Assert.True(client.Commits >= 1, "The offsets should be committed once the broker accepts commits again.");
        Assert.Single(_clients);
    }

    [Fact]
    public void A_fatal_client_error_disposes_the_client_and_a_new_one_carries_on()
    {
        var loop = Loop();
        loop.RunOnce(CancellationToken.None);
        var first = _clients.Single();
        first.FatalError = new Error(ErrorCode.Local_Fatal, "fenced", isFatal: true);
        loop.RunOnce(CancellationToken.None);

        Assert.True(first.Disposed);
        Assert.Contains("fenced", _health.Check(_clock.GetUtcNow()).Description);

        loop.RunOnce(CancellationToken.None);
        var second = Assert.Single(_clients, c => c != first);
        second.Enqueue(FakeConsumerClient.Message(Checkouts, 0, 9));
        Turns(loop, 2);
        Assert.Equal(9, Assert.Single(_handled).Offset);
        Assert.Equal(9, Assert.Single(second.Stored).Offset);
    }

    [Fact]
    public void A_message_waiting_for_a_retry_pauses_only_its_partition_and_other_topics_flow_meanwhile()
    {
        var loop = Loop();
        loop.RunOnce(CancellationToken.None);
        var client = _clients.Single();
        var orderExists = false;
        _handler = message => message.Topic == Payments && !orderExists
            ? throw new EventNotReadyException("order unknown yet")
            : "handled";

        client.Enqueue(FakeConsumerClient.Message(Payments, 0, 5), FakeConsumerClient.Message(Payments, 0, 6));
        loop.RunOnce(CancellationToken.None);
        Assert.Contains(new TopicPartition(Payments, new Partition(0)), client.Paused);

        client.Enqueue(FakeConsumerClient.Message(Checkouts, 0, 1));
        loop.RunOnce(CancellationToken.None);
        Assert.Equal([Checkouts], _handled.Select(m => m.Topic));

        orderExists = true;
        Turns(loop, 20);
        Assert.Equal([(Checkouts, 1L), (Payments, 5L), (Payments, 6L)], _handled.Select(m => (m.Topic, m.Offset)));
        Assert.Empty(client.Paused);
        Assert.Equal([1L, 5L, 6L], client.Stored.Select(m => m.Offset));
    }

    [Fact]
    public void A_waiting_message_of_a_revoked_partition_is_never_processed_by_this_member()
    {
        var loop = Loop();
        loop.RunOnce(CancellationToken.None);
        var client = _clients.Single();
        _handler = _ => throw new EventNotReadyException("order unknown yet");
        client.Enqueue(FakeConsumerClient.Message(Payments, 0, 5));
        loop.RunOnce(CancellationToken.None);

        _listener!.OnRevoked([new TopicPartition(Payments, new Partition(0))], lost: false);
        _handler = _ => "handled";
        Turns(loop, 20);

        Assert.Empty(loop.Waiting);
        Assert.Empty(client.Stored);
        Assert.Empty(client.Paused);
    }
}
