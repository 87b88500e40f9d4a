using Kiosk.Messaging;
using Kiosk.Messaging.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.UnitTests.Messaging;

public sealed class OutboxRelayOrderingTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_later_event_of_an_order_waits_while_an_earlier_one_backs_off_and_other_orders_go_on()
    {
        var (orderA, orderB) = (Guid.NewGuid(), Guid.NewGuid());
        var firstOfA = OutboxRelayRows.PaymentFor(orderA, _clock);
        var ofB = OutboxRelayRows.PaymentFor(orderB, _clock);
        var secondOfA = OutboxRelayRows.PaymentFor(orderA, _clock);
        firstOfA.RecordFailure("Local: Message timed out", rowSpecific: false, _clock.GetUtcNow(), maxAttempts: 10);

        var round = new OutboxRound([], _clock.GetUtcNow());

        Assert.Equal([ofB], new[] { firstOfA, ofB, secondOfA }.Where(round.MayPublish));
    }

    [Fact]
    public void A_row_that_just_failed_holds_the_later_rows_of_its_key_for_the_rest_of_the_round()
    {
        var (orderA, orderB) = (Guid.NewGuid(), Guid.NewGuid());
        var firstOfA = OutboxRelayRows.PaymentFor(orderA, _clock);
        var secondOfA = OutboxRelayRows.PaymentFor(orderA, _clock);
        var ofB = OutboxRelayRows.PaymentFor(orderB, _clock);
        var round = new OutboxRound([], _clock.GetUtcNow());

        Assert.True(round.MayPublish(firstOfA));
        round.Hold(firstOfA.Key);

        Assert.False(round.MayPublish(secondOfA));
        Assert.True(round.MayPublish(ofB));
    }

    [Fact]
    public void A_parked_row_holds_back_only_the_later_events_of_its_own_order()
    {
        var (parkedOrder, otherOrder) = (Guid.NewGuid(), Guid.NewGuid());
        var behindParked = OutboxRelayRows.PaymentFor(parkedOrder, _clock);
        var ofOther = OutboxRelayRows.PaymentFor(otherOrder, _clock);

        // The relay reads the keys of parked rows separately: the parked rows themselves are not in its batch.
        var round = new OutboxRound([parkedOrder.ToString()], _clock.GetUtcNow());

        Assert.False(round.MayPublish(behindParked));
        Assert.True(round.MayPublish(ofOther));
    }
}
