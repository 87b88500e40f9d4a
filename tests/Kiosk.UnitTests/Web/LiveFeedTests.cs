using Kiosk.Contracts;
using Kiosk.Contracts.Events;
using Kiosk.Messaging;
using Kiosk.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.UnitTests.Web;

public sealed class LiveFeedTests
{
    private readonly LiveFeed _feed = new(NullLogger<LiveFeed>.Instance);

    [Fact]
    public void A_new_stream_needs_a_snapshot_and_then_gets_every_event_once()
    {
        using var stream = _feed.Subscribe(lastEventId: null);
        Assert.Null(stream.Missed);

        var paid = Deliver(StatusChanged("PAID"));
        Deliver(paid); // the broker delivered it again
        Deliver(StatusChanged("COMPLETED"));

        Assert.True(stream.Events.TryRead(out var first));
        Assert.True(stream.Events.TryRead(out var second));
        Assert.False(stream.Events.TryRead(out _));
        Assert.Equal(["PAID", "COMPLETED"], new[] { first, second }.Select(e => e.Order!.Status));
    }

    [Fact]
    public void A_stream_resuming_with_a_known_id_gets_what_it_missed_instead_of_a_snapshot()
    {
        string lastSeen;
        using (var before = _feed.Subscribe(null))
        {
            Deliver(StatusChanged("PENDING"));
            Assert.True(before.Events.TryRead(out var seen));
            lastSeen = _feed.IdOf(seen.Sequence);
        }
        Deliver(StatusChanged("PAID"));
        Deliver(Availability(104, available: false));

        using var resumed = _feed.Subscribe(lastSeen);
        Assert.NotNull(resumed.Missed);
        Assert.Equal(2, resumed.Missed.Count);
        Assert.Equal("PAID", resumed.Missed[0].Order!.Status);
        Assert.False(resumed.Missed[1].Menu!.Available);
    }

    [Theory]
    [InlineData("another-process-3")]
    [InlineData("garbage")]
    public void An_id_of_another_process_gets_a_snapshot(string lastEventId)
    {
        Deliver(StatusChanged("PAID"));
        using var stream = _feed.Subscribe(lastEventId);
        Assert.Null(stream.Missed);
    }

    [Fact]
    public void An_id_older_than_the_ring_gets_a_snapshot()
    {
        using (var first = _feed.Subscribe(null))
        {
            Deliver(StatusChanged("PENDING"));
        }
        var oldest = _feed.IdOf(1);
        for (var i = 0; i < LiveFeed.Capacity + 1; i++)
        {
            Deliver(StatusChanged("PAID"));
        }

        using var stream = _feed.Subscribe(oldest);
        Assert.Null(stream.Missed);
    }

    [Fact]
    public void A_closed_stream_is_no_longer_written_to()
    {
        var stream = _feed.Subscribe(null);
        Assert.Equal(1, _feed.OpenStreams);
        stream.Dispose();
        Assert.Equal(0, _feed.OpenStreams);
    }

    [Fact]
    public void A_whole_item_switch_leaves_choice_id_out_of_the_wire()
    {
        var json = EventSerializer.SerializeToString(new MenuAvailabilityChanged(Guid.NewGuid(), 104, false, DateTimeOffset.UtcNow));
        Assert.DoesNotContain("choice_id", json, StringComparison.Ordinal);
        var choice = EventSerializer.SerializeToString(new MenuAvailabilityChanged(Guid.NewGuid(), 104, false, DateTimeOffset.UtcNow) { ChoiceId = 7 });
        Assert.Contains("\"choice_id\":7", choice, StringComparison.Ordinal);
    }

    private InboundMessage Deliver(InboundMessage message)
    {
        _feed.Handle(message);
        return message;
    }

    private static InboundMessage StatusChanged(string status)
    {
        var orderId = Guid.NewGuid();
        var json = EventSerializer.Serialize(new OrderStatusChanged(
            Guid.NewGuid(), orderId, 7, new DateOnly(2026, 11, 25), status, null, DiningOptions.DineIn, 99m, DateTimeOffset.UtcNow));
        return new InboundMessage(Topics.OrderStatusChanged, 0, 0, orderId.ToString(), json, []);
    }

    private static InboundMessage Availability(int itemId, bool available) =>
        new(Topics.MenuAvailabilityChanged, 0, 0, itemId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EventSerializer.Serialize(new MenuAvailabilityChanged(Guid.NewGuid(), itemId, available, DateTimeOffset.UtcNow)), []);
}
