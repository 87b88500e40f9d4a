using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Confluent.Kafka;
using Kiosk.Contracts;
using Kiosk.Contracts.Events;
using Xunit.Abstractions;

namespace Kiosk.IntegrationTests.Resilience;

[Collection(ResilienceCollection.Name)]
public sealed class ProcessKillTests(ResilienceFixture fixture, ITestOutputHelper output)
{
    private const int Burst = 150;

    [Fact]
    public async Task The_order_service_killed_mid_handler_loses_and_doubles_no_order_once_started_again()
    {
        var scenario = new FaultScenario(fixture, output);
        var burst = new List<PlacedOrder>();
        await scenario.RunAsync(kiosks: 4, async () =>
        {
            // A burst straight onto the topic keeps the order service's consumer busy when the kill lands.
            burst.AddRange(await ProduceCheckoutsAsync());
            var pid = scenario.System.Pid("orders");
            await LocalProcesses.SignalAsync("KILL", [pid]);
            output.WriteLine($"Killed orders (pid {pid}) right after producing {Burst} checkouts");

            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await fixture.App.ResourceNotifications.WaitForResourceAsync(
                "orders", [KnownResourceStates.Exited, KnownResourceStates.Finished], exited.Token);
            await fixture.StartAsync("orders");
        }, mayExit: "orders");

        // The burst's orders: each one stored once, known to payments once, and paid once.
        var result = new LoadResult();
        var kiosk = new KioskClient(fixture);
        var cashier = new OrderLoad(fixture);
        await Task.WhenAll(burst.Select(async order =>
        {
            await kiosk.WaitForOrderAsync(order.OrderId.ToString());
            await cashier.PayAsync(order, result);
        }));
        Assert.True(result.Failures.IsEmpty, string.Join(" | ", result.Failures.Take(10)));
        await new Ledger(fixture).AssertEveryOrderPaidOnceAsync(burst);
    }

    private async Task<IReadOnlyList<PlacedOrder>> ProduceCheckoutsAsync()
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = fixture.KafkaBootstrapServers,
            LingerMs = 0,
        }).Build();
        var checkouts = Enumerable.Range(0, Burst).Select(_ => new CartCheckout(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "TAKE_OUT",
            [new CartCheckoutItem(201, "Yumburger", 45.00m, 2)], 90.00m, DateTimeOffset.UtcNow)).ToList();
        await Task.WhenAll(checkouts.Select(c => producer.ProduceAsync(Topics.CartCheckout,
            new Message<string, byte[]> { Key = c.OrderId.ToString(), Value = EventSerializer.Serialize(c) })));
        return [.. checkouts.Select(c => new PlacedOrder(c.OrderId, c.Total))];
    }
}
