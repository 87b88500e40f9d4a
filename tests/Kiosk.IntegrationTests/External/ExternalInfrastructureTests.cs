using Confluent.Kafka;
using Kiosk.Contracts;
using Kiosk.Contracts.Events;
using Npgsql;
using Xunit.Abstractions;

namespace Kiosk.IntegrationTests.External;

/// <summary>
/// The AppHost in external mode against a broker and a PostgreSQL server it did not start, stopped and started again:
/// orders, payments and events survive, and the consumer groups carry on exactly from their committed offsets.
/// </summary>
[Collection(ExternalInfrastructureCollection.Name)]
public sealed class ExternalInfrastructureTests(ExternalInfrastructure infrastructure, ITestOutputHelper output)
{
    private const int MenuItem = 101;

    private ConsumerGroupLedger Ledger => new(infrastructure.Broker.BootstrapServers);

    [Fact]
    public async Task An_AppHost_restart_on_external_Kafka_and_PostgreSQL_loses_no_order_and_consumers_resume_at_their_committed_offsets()
    {
        // First run: one whole order, then one whose ORDER_CREATED the payments group has not read when the AppHost stops.
        Guid paidBefore, unreadByPayments;
        JsonObject item;
        var first = new ExternalModeApp(infrastructure);
        try
        {
            await first.InitializeAsync();
            var kiosk = new KioskClient(first);
            item = await kiosk.MenuItemAsync(MenuItem);
            paidBefore = await OrderAndPayAsync(kiosk);
            await first.StopAsync("payments");
            var (orderId, _) = await kiosk.PlaceOrderAsync((MenuItem, 1));
            unreadByPayments = Guid.Parse(orderId);
            await kiosk.WaitForOrderAsync(orderId, "PENDING");
            await Eventually.TrueAsync(() => Task.FromResult(Ledger.ReadAll(Topics.OrderCreated).Any(e => e.Key == orderId)),
                KioskClient.Patience, $"the order service to publish ORDER_CREATED for {orderId}");
        }
        finally
        {
            await first.DisposeAsync();
        }

        // While the AppHost is down: what it left behind, and new work.
        var offsetsBefore = Ledger.CommittedOffsets();
        var ordersBefore = await OrderStatusesAsync();
        var paymentsBefore = await PaymentCountAsync();
        // Inbox rows of everything handled so far are deleted, as the inbox retention does with old rows: a consumer that went
        // back before its committed offset would handle those events again, and their rows would come back.
        var forgotten = await ForgetHandledEventsAsync();
        // A checkout as the cart service publishes it: work that only a consumer resuming from its offset (not the end) sees.
        var checkedOutWhileDown = Guid.CreateVersion7();
        var price = item["price"]!.GetValue<decimal>();
        var whileDown = await ProduceAsync(Topics.CartCheckout, checkedOutWhileDown, new CartCheckout(
            Guid.CreateVersion7(), checkedOutWhileDown, Guid.CreateVersion7(), DiningOptions.TakeOut,
            [new CartCheckoutItem(MenuItem, item["name"]!.GetValue<string>(), price, 2)], price * 2, DateTimeOffset.UtcNow));

        // Second run, on the same broker and database.
        Guid paidAfter;
        Dictionary<PartitionKey, long> offsetsAfter;
        var second = new ExternalModeApp(infrastructure);
        try
        {
            await second.InitializeAsync();
            var kiosk = new KioskClient(second);
            var recovered = await kiosk.WaitForOrderAsync(checkedOutWhileDown.ToString(), "PENDING");
            await Ledger.WaitUntilCaughtUpAsync(KioskClient.Patience);
            foreach (var orderId in new[] { unreadByPayments, checkedOutWhileDown })
            {
                var order = await kiosk.WaitForOrderAsync(orderId.ToString());
                Assert.Equal(HttpStatusCode.Created, (await kiosk.PayWhenReadyAsync(orderId.ToString(), order["total"]!.GetValue<decimal>())).StatusCode);
                await kiosk.WaitForOrderAsync(orderId.ToString(), "PAID");
            }
            Assert.Equal(price * 2, recovered["total"]!.GetValue<decimal>());
            await kiosk.WaitForOrderAsync(paidBefore.ToString(), "PAID");
            paidAfter = await OrderAndPayAsync(kiosk);
            await Ledger.WaitUntilCaughtUpAsync(KioskClient.Patience);
            offsetsAfter = Ledger.CommittedOffsets();
        }
        finally
        {
            await second.DisposeAsync();
        }

        var ordersAfter = await OrderStatusesAsync();
        var paymentsAfter = await PaymentCountAsync();
        var handled = await HandledEventsAsync();
        var messages = ConsumerGroupLedger.GroupTopics.SelectMany(g => g.Value.SelectMany(Ledger.ReadAll).Select(m => (Group: g.Key, Message: m))).ToList();
        Report(offsetsBefore, offsetsAfter, messages, handled, ordersBefore, ordersAfter, paymentsBefore, paymentsAfter, forgotten);

        // No order lost: the two from before and the two since, all paid, each paid once.
        Assert.Equal(new Dictionary<Guid, string> { [paidBefore] = "PAID", [unreadByPayments] = "PENDING" }, ordersBefore);
        Assert.Equal(1, paymentsBefore);
        Assert.Equal(new Dictionary<Guid, string>
        {
            [paidBefore] = "PAID", [unreadByPayments] = "PAID", [checkedOutWhileDown] = "PAID", [paidAfter] = "PAID",
        }, ordersAfter);
        Assert.Equal(4, paymentsAfter);

        // The work left for after the restart lay at or past the committed offsets, and was handled.
        var unread = messages.Single(m => m.Group == "payments" && m.Message.Topic == Topics.OrderCreated && m.Message.Key == unreadByPayments.ToString());
        var produced = messages.Single(m => m.Group == "orders" && m.Message.EventId == whileDown);
        foreach (var (group, message) in new[] { unread, produced })
        {
            Assert.True(message.Offset >= offsetsBefore[new(group, message.Topic, message.Partition)],
                $"{message} was before {group}'s committed offset when the AppHost stopped.");
        }

        // Resumed exactly at the committed offsets: every event from there on was handled after the restart, none before it.
        var wrong = messages
            .Where(m => handled.Contains((m.Group, m.Message.EventId)) != m.Message.Offset >= offsetsBefore[Key(m)])
            .Select(m => m.Message.Offset >= offsetsBefore[Key(m)]
                ? $"{m.Message} was never handled by {m.Group}, though at or past its committed offset {offsetsBefore[Key(m)]}"
                : $"{m.Message} was handled again by {m.Group}, though before its committed offset {offsetsBefore[Key(m)]}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.True(forgotten > 0, "No inbox rows existed before the restart: the test proved nothing about going back.");
        Assert.All(offsetsBefore, before => Assert.True(offsetsAfter[before.Key] >= before.Value, $"{before.Key} went back."));
    }

    private static PartitionKey Key((string Group, StoredEvent Message) m) => new(m.Group, m.Message.Topic, m.Message.Partition);

    private static async Task<Guid> OrderAndPayAsync(KioskClient kiosk)
    {
        var (orderId, total) = await kiosk.PlaceOrderAsync((MenuItem, 2));
        await kiosk.WaitForOrderAsync(orderId, "PENDING");
        Assert.Equal(HttpStatusCode.Created, (await kiosk.PayWhenReadyAsync(orderId, total)).StatusCode);
        await kiosk.WaitForOrderAsync(orderId, "PAID");
        return Guid.Parse(orderId);
    }

    private async Task<Guid> ProduceAsync<TEvent>(string topic, Guid key, TEvent @event) where TEvent : IIntegrationEvent
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = infrastructure.Broker.BootstrapServers,
            LingerMs = 0,
        }).Build();
        await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = key.ToString(), Value = EventSerializer.Serialize(@event) });
        return @event.EventId;
    }

    private async Task<Dictionary<Guid, string>> OrderStatusesAsync()
    {
        var statuses = new Dictionary<Guid, string>();
        await using var db = infrastructure.Postgres.Open("ordersdb");
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Id", "Status" FROM orders""", db);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statuses[reader.GetGuid(0)] = reader.GetString(1);
        }
        return statuses;
    }

    private async Task<long> PaymentCountAsync()
    {
        await using var db = infrastructure.Postgres.Open("paymentsdb");
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM payments", db);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Empties each consuming service's inbox; returns how many rows it held.</summary>
    private async Task<int> ForgetHandledEventsAsync()
    {
        var deleted = 0;
        foreach (var group in ConsumerGroupLedger.GroupTopics.Keys)
        {
            await using var db = infrastructure.Postgres.Open(group + "db");
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("DELETE FROM processed_events", db);
            deleted += await command.ExecuteNonQueryAsync();
        }
        return deleted;
    }

    /// <summary>The (group, event) pairs in the consuming services' inboxes.</summary>
    private async Task<HashSet<(string Group, Guid EventId)>> HandledEventsAsync()
    {
        var handled = new HashSet<(string, Guid)>();
        foreach (var group in ConsumerGroupLedger.GroupTopics.Keys)
        {
            await using var db = infrastructure.Postgres.Open(group + "db");
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT "ConsumerGroup", "EventId" FROM processed_events""", db);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                handled.Add((reader.GetString(0), reader.GetGuid(1)));
            }
        }
        return handled;
    }

    private void Report(
        Dictionary<PartitionKey, long> offsetsBefore, Dictionary<PartitionKey, long> offsetsAfter,
        List<(string Group, StoredEvent Message)> messages, HashSet<(string, Guid)> handled,
        Dictionary<Guid, string> ordersBefore, Dictionary<Guid, string> ordersAfter, long paymentsBefore, long paymentsAfter, int forgotten)
    {
        static string Statuses(Dictionary<Guid, string> orders) =>
            string.Join(", ", orders.Values.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
        output.WriteLine($"Broker {infrastructure.Broker.BootstrapServers} ({BrokerProcess.Partitions} partitions per topic), PostgreSQL on port {infrastructure.Postgres.Port}.");
        output.WriteLine($"Orders before the restart: {ordersBefore.Count} ({Statuses(ordersBefore)}); after: {ordersAfter.Count} ({Statuses(ordersAfter)}).");
        output.WriteLine($"Payments before: {paymentsBefore}; after: {paymentsAfter}. Inbox rows cleared while down: {forgotten}.");
        output.WriteLine("group topic[partition]: committed before -> after; messages below / at-or-past the recorded offset; handled after the restart");
        foreach (var (key, before) in offsetsBefore.OrderBy(o => o.Key.Group).ThenBy(o => o.Key.Topic).ThenBy(o => o.Key.Partition))
        {
            var onPartition = messages.Where(m => Key(m) == key).ToList();
            output.WriteLine($"  {key}: {before} -> {offsetsAfter[key]}; {onPartition.Count(m => m.Message.Offset < before)} / "
                + $"{onPartition.Count(m => m.Message.Offset >= before)}; {onPartition.Count(m => handled.Contains((m.Group, m.Message.EventId)))}");
        }
    }
}
