using System.Text;
using Kiosk.Contracts;

namespace Kiosk.IntegrationTests.Live;

/// <summary>The live streams through the gateway: snapshot first, each change as it happens, resume by Last-Event-ID.</summary>
[Collection(KioskCollection.Name)]
public sealed class LiveStreamTests(KioskAppFixture fixture)
{
    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(20);
    private readonly KioskClient _kiosk = new(fixture);

    [Fact]
    public async Task The_confirmation_stream_starts_with_a_snapshot_and_delivers_paid_after_the_payment()
    {
        var (orderId, total) = await _kiosk.PlaceOrderAsync((101, 1));
        await _kiosk.WaitForOrderAsync(orderId, "PENDING");

        await using var stream = await LiveStreamClient.OpenAsync(fixture.GatewayUrl, $"/live/orders/{orderId}");
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        var snapshot = await stream.NextAsync(EventWait, "the snapshot");
        Assert.NotNull(snapshot);
        Assert.Equal("snapshot", snapshot.Type);
        Assert.Equal("PENDING", snapshot.Status);
        Assert.False(string.IsNullOrEmpty(snapshot.Id), "A snapshot carries an id, so a reconnect can resume after it.");

        Assert.Equal(HttpStatusCode.Created, (await _kiosk.PayWhenReadyAsync(orderId, total)).StatusCode);

        var paid = await stream.NextAsync(EventWait, "the PAID event");
        Assert.NotNull(paid);
        Assert.Equal("order", paid.Type);
        Assert.Equal("PAID", paid.Status);
        Assert.NotEqual(snapshot.Id, paid.Id);
        // The customer's screen learns the number and the status, never another order's id or the amounts.
        Assert.Equal(["orderNumber", "status"], paid.Data!.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public async Task A_stream_the_server_ended_resumes_with_Last_Event_ID_and_delivers_the_event_it_missed()
    {
        var (orderId, total) = await _kiosk.PlaceOrderAsync((102, 1));
        await _kiosk.WaitForOrderAsync(orderId, "PENDING");

        string lastEventId;
        await using (var first = await LiveStreamClient.OpenAsync(fixture.GatewayUrl, $"/live/orders/{orderId}"))
        {
            var snapshot = await first.NextAsync(EventWait, "the snapshot");
            Assert.Equal("snapshot", snapshot?.Type);
            lastEventId = snapshot!.Id!;
            // The server ends every stream after Kiosk:Web:LiveStreamSeconds.
            var after = await first.NextAsync(TimeSpan.FromSeconds(KioskAppFixture.LiveStreamSeconds + 20), "the server to end the stream");
            Assert.Null(after);
        }

        // While no stream is open, the order is paid.
        Assert.Equal(HttpStatusCode.Created, (await _kiosk.PayWhenReadyAsync(orderId, total)).StatusCode);
        await _kiosk.WaitForOrderAsync(orderId, "PAID");

        await using var resumed = await LiveStreamClient.OpenAsync(fixture.GatewayUrl, $"/live/orders/{orderId}", lastEventId);
        var missed = await resumed.NextAsync(EventWait, "the PAID event missed while disconnected");
        Assert.NotNull(missed);
        Assert.Equal("order", missed.Type);
        Assert.Equal("PAID", missed.Status);
    }

    [Fact]
    public async Task A_Last_Event_ID_the_server_does_not_know_gets_a_snapshot()
    {
        var (orderId, _) = await _kiosk.PlaceOrderAsync((103, 1));
        await _kiosk.WaitForOrderAsync(orderId, "PENDING");

        await using var stream = await LiveStreamClient.OpenAsync(fixture.GatewayUrl, $"/live/orders/{orderId}", "another-process-17");
        var first = await stream.NextAsync(EventWait, "the snapshot");
        Assert.Equal("snapshot", first?.Type);
        Assert.Equal("PENDING", first?.Status);
    }

    [Fact]
    public async Task An_event_delivered_twice_by_the_broker_reaches_a_stream_once()
    {
        // An order no service knows: only the events produced here concern it.
        var orderId = Guid.NewGuid();
        await using var stream = await LiveStreamClient.OpenAsync(fixture.GatewayUrl, $"/live/orders/{orderId}");
        var snapshot = await stream.NextAsync(EventWait, "the snapshot");
        Assert.Equal("snapshot", snapshot?.Type);
        Assert.Null(snapshot?.Status);

        var probe = new KafkaProbe(fixture);
        var paid = StatusChanged(orderId, Guid.NewGuid(), "PAID", "PENDING");
        await probe.ProduceAsync(Topics.OrderStatusChanged, orderId.ToString(), paid);
        await probe.ProduceAsync(Topics.OrderStatusChanged, orderId.ToString(), paid);
        await probe.ProduceAsync(Topics.OrderStatusChanged, orderId.ToString(), StatusChanged(orderId, Guid.NewGuid(), "COMPLETED", "PAID"));

        var (completed, before) = await stream.NextMatchingAsync(i => i.Status == "COMPLETED", EventWait, "the COMPLETED event");
        Assert.Equal("order", completed.Type);
        Assert.Equal(["PAID"], before.Select(i => i.Status));
    }

    private static byte[] StatusChanged(Guid orderId, Guid eventId, string status, string previous) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["event_id"] = eventId,
            ["order_id"] = orderId,
            ["order_number"] = 9999,
            ["business_day"] = "2026-01-01",
            ["status"] = status,
            ["previous_status"] = previous,
            ["dining_option"] = "DINE_IN",
            ["total"] = 99.00m,
            ["occurred_at"] = DateTimeOffset.UtcNow,
        }.ToJsonString());
}
