using Confluent.Kafka;
using Kiosk.Messaging;

namespace Kiosk.UnitTests.Messaging;

public sealed class KafkaBrokerProbeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Health_checks_asking_while_the_broker_does_not_answer_share_one_metadata_call_and_the_next_asks_again()
    {
        // Nothing listens on port 1: every metadata call waits out its timeout, as during a broker outage.
        using var probe = new KafkaBrokerProbe(new AdminClientConfig { BootstrapServers = "127.0.0.1:1", SocketTimeoutMs = 3000 });

        var asks = Enumerable.Range(0, 50).Select(_ => probe.ProblemAsync()).ToList();

        Assert.All(asks, ask => Assert.Same(asks[0], ask));
        Assert.Contains("127.0.0.1:1", await asks[0].WaitAsync(Bound));
        var next = probe.ProblemAsync();
        Assert.NotSame(asks[0], next);
        Assert.NotNull(await next.WaitAsync(Bound));
    }
}
