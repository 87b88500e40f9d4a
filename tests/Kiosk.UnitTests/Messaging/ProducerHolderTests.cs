using Confluent.Kafka;
using Kiosk.Messaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.UnitTests.Messaging;

public sealed class ProducerHolderTests : IDisposable
{
    private readonly List<(IProducer<string, byte[]> Producer, Action<Error> OnError)> _built = [];
    private readonly ProducerHolder _holder;

    public ProducerHolderTests() => _holder = new ProducerHolder(onError =>
    {
        // A real librdkafka producer: building one needs no broker, and disposing it is what Retire really does.
        var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = "localhost:1" }).Build();
        _built.Add((producer, onError));
        return producer;
    }, NullLogger.Instance);

    [Fact]
    public void A_fatal_error_marks_the_producer_failed_and_the_next_send_gets_a_new_one()
    {
        var first = _holder.Current;
        Assert.Same(first, _holder.Current);

        _built[0].OnError(new Error(ErrorCode.Local_Fatal, "producer fenced", isFatal: true));

        Assert.Equal(ErrorCode.Local_Fatal, _holder.FatalError?.Code);
        var second = _holder.Current;
        Assert.NotSame(first, second);
        Assert.Equal(2, _built.Count);
        Assert.Null(_holder.FatalError);
    }

    [Fact]
    public void A_transient_error_keeps_the_producer()
    {
        var first = _holder.Current;

        _built[0].OnError(new Error(ErrorCode.Local_AllBrokersDown, "all brokers down", isFatal: false));

        Assert.Null(_holder.FatalError);
        Assert.Same(first, _holder.Current);
    }

    [Fact]
    public void A_late_fatal_error_of_a_replaced_producer_does_not_fail_its_successor()
    {
        _ = _holder.Current;
        _built[0].OnError(new Error(ErrorCode.Local_Fatal, "fenced", isFatal: true));
        var second = _holder.Current;

        _built[0].OnError(new Error(ErrorCode.Local_Fatal, "fenced again", isFatal: true));

        Assert.Null(_holder.FatalError);
        Assert.Same(second, _holder.Current);
    }

    public void Dispose() => _holder.Dispose();
}
