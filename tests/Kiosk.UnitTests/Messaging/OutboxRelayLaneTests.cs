using Kiosk.Messaging.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.UnitTests.Messaging;

public sealed class OutboxRelayLaneTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Each_order_gets_one_lane_holding_its_rows_in_write_order()
    {
        var (orderA, orderB) = (Guid.NewGuid(), Guid.NewGuid());
        var firstOfA = OutboxRelayRows.PaymentFor(orderA, _clock);
        var ofB = OutboxRelayRows.PaymentFor(orderB, _clock);
        var secondOfA = OutboxRelayRows.PaymentFor(orderA, _clock);

        var lanes = new OutboxRound([], _clock.GetUtcNow()).Lanes([firstOfA, ofB, secondOfA]);

        Assert.Equal(2, lanes.Count);
        Assert.Equal([firstOfA, secondOfA], lanes[0]);
        Assert.Equal([ofB], lanes[1]);
    }

    [Fact]
    public void A_row_backing_off_keeps_its_order_out_of_the_lanes_and_lets_other_orders_go()
    {
        var (orderA, orderB) = (Guid.NewGuid(), Guid.NewGuid());
        var firstOfA = OutboxRelayRows.PaymentFor(orderA, _clock);
        var secondOfA = OutboxRelayRows.PaymentFor(orderA, _clock);
        var ofB = OutboxRelayRows.PaymentFor(orderB, _clock);
        firstOfA.RecordFailure("Local: Message timed out", rowSpecific: false, _clock.GetUtcNow(), maxAttempts: 10);

        var lanes = new OutboxRound([], _clock.GetUtcNow()).Lanes([firstOfA, secondOfA, ofB]);

        Assert.Equal([ofB], Assert.Single(lanes));
    }

    [Fact]
    public void A_parked_key_has_no_lane()
    {
        var (parkedOrder, otherOrder) = (Guid.NewGuid(), Guid.NewGuid());
        var behindParked = OutboxRelayRows.PaymentFor(parkedOrder, _clock);
        var ofOther = OutboxRelayRows.PaymentFor(otherOrder, _clock);

        var lanes = new OutboxRound([parkedOrder.ToString()], _clock.GetUtcNow()).Lanes([behindParked, ofOther]);

        Assert.Equal([ofOther], Assert.Single(lanes));
    }
}
