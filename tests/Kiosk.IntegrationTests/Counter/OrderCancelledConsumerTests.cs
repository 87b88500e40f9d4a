using Kiosk.Contracts;
using Kiosk.Contracts.Events;

namespace Kiosk.IntegrationTests.Counter;

/// <summary>Payments consumes ORDER_CANCELLED and refuses the order's cash from its own records, once per event.</summary>
[Collection(KioskCollection.Name)]
public sealed class OrderCancelledConsumerTests(KioskAppFixture fixture) : IDisposable
{
    private const string PaymentsGroup = "payments";
    private readonly CounterClient _counter = new(fixture);
    private readonly KafkaProbe _probe = new(fixture);

    [Fact]
    public async Task An_order_cancelled_on_the_topic_is_refused_by_payments_and_the_event_twice_changes_nothing()
    {
        // Payments knows the order as payable; only the event (no call from the order service) tells it otherwise.
        var (orderId, orderNumber, total) = await _counter.PlacePayableOrderAsync((101, 1));
        var cancelled = new OrderCancelled(Guid.CreateVersion7(), Guid.Parse(orderId), orderNumber, "CANCELLED", "Customer left",
            DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow) { Total = total, CreatedAt = DateTimeOffset.UtcNow };

        await _probe.WaitUntilConsumedAsync(PaymentsGroup, await PublishAsync(cancelled));
        var refused = await KioskClient.ProblemAsync(await _counter.PayAsync(orderId, 100.00m), HttpStatusCode.Conflict);
        Assert.Equal("CANCELLED", refused["orderStatus"]!.GetValue<string>());
        Assert.Contains("was cancelled", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var recorded = await ClosedAsync(orderId);

        // The same event again (the inbox skips it), and the same news under another event id (closing twice is a no-op).
        await _probe.WaitUntilConsumedAsync(PaymentsGroup, await PublishAsync(cancelled));
        await _probe.WaitUntilConsumedAsync(PaymentsGroup, await PublishAsync(cancelled with { EventId = Guid.CreateVersion7(), Reason = "Other reason" }));

        Assert.Equal(recorded, await ClosedAsync(orderId));
        Assert.Equal(1L, await _counter.QuerySqlAsync<long>("paymentsdb",
            """SELECT count(*) FROM processed_events WHERE "EventId" = @id AND "ConsumerGroup" = @group""", ("id", cancelled.EventId), ("group", PaymentsGroup)));
        Assert.Equal(0L, await _counter.QuerySqlAsync<long>("paymentsdb",
            """SELECT count(*) FROM payments WHERE "OrderId" = @id""", ("id", Guid.Parse(orderId))));

        // The order service, asked to cancel it too, finds payments agreeing.
        await CounterClient.JsonAsync(await _counter.CancelAsync(orderId), HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_order_payments_never_heard_of_is_refused_from_the_cancellation_alone()
    {
        // Neither the order service nor the cart knows this order: without the event, payments would answer 404.
        var orderId = Guid.CreateVersion7();
        var cancelled = new OrderCancelled(Guid.CreateVersion7(), orderId, 77, "CANCELLED", "Customer left",
            DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow) { Total = 99.00m, CreatedAt = DateTimeOffset.UtcNow };

        await _probe.WaitUntilConsumedAsync(PaymentsGroup, await PublishAsync(cancelled));

        var refused = await KioskClient.ProblemAsync(await _counter.PayAsync(orderId.ToString(), 100.00m), HttpStatusCode.Conflict);
        Assert.Equal("CANCELLED", refused["orderStatus"]!.GetValue<string>());
        Assert.Contains("#77 was cancelled", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private Task<Confluent.Kafka.DeliveryResult<string, byte[]>> PublishAsync(OrderCancelled cancelled) =>
        _probe.ProduceAsync(Topics.OrderCancelled, cancelled.OrderId.ToString(), EventSerializer.Serialize(cancelled));

    private async Task<string> ClosedAsync(string orderId) =>
        await _counter.QuerySqlAsync<string>("paymentsdb",
            """SELECT concat_ws('|', "ClosedStatus", "CloseReason", "ClosedAt"::text, "Total"::text) FROM payable_orders WHERE "OrderId" = @id""",
            ("id", Guid.Parse(orderId)));

    public void Dispose() => _counter.Dispose();
}
