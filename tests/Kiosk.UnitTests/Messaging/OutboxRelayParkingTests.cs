using Kiosk.Messaging;
using Kiosk.Messaging.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.UnitTests.Messaging;

public sealed class OutboxRelayParkingTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_row_failing_for_its_own_reason_is_parked_at_the_last_allowed_attempt()
    {
        var row = OutboxRelayRows.PaymentFor(Guid.NewGuid(), _clock);

        for (var attempt = 1; attempt < 3; attempt++)
        {
            Assert.False(row.RecordFailure("Broker: Message size too large", rowSpecific: true, _clock.GetUtcNow(), maxAttempts: 3));
            _clock.Advance(OutboxMessage.MaxBackoff);
        }
        Assert.Null(row.ParkedAt);

        Assert.True(row.RecordFailure("Broker: Message size too large", rowSpecific: true, _clock.GetUtcNow(), maxAttempts: 3));
        Assert.Equal(_clock.GetUtcNow(), row.ParkedAt);
        Assert.Equal(3, row.Attempts);

        // Parked means skipped, however much time passes.
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.False(new OutboxRound([], _clock.GetUtcNow()).MayPublish(row));
    }

    [Fact]
    public void A_broker_outage_never_parks_a_row_however_long_it_lasts()
    {
        var row = OutboxRelayRows.PaymentFor(Guid.NewGuid(), _clock);

        for (var attempt = 1; attempt <= 50; attempt++)
        {
            Assert.False(row.RecordFailure("Local: Message timed out", rowSpecific: false, _clock.GetUtcNow(), maxAttempts: 3));
            _clock.Advance(OutboxMessage.MaxBackoff);
        }

        Assert.Null(row.ParkedAt);
        Assert.True(new OutboxRound([], _clock.GetUtcNow()).MayPublish(row));
    }

    [Fact]
    public void A_staff_retry_unparks_the_row_with_a_fresh_count_of_attempts_due_at_once()
    {
        var row = OutboxRelayRows.PaymentFor(Guid.NewGuid(), _clock);
        row.RecordFailure("Broker: Message size too large", rowSpecific: true, _clock.GetUtcNow(), maxAttempts: 1);
        _clock.Advance(TimeSpan.FromMinutes(5));

        row.Unpark(_clock.GetUtcNow());

        Assert.Null(row.ParkedAt);
        Assert.Equal(0, row.Attempts);
        Assert.True(new OutboxRound([], _clock.GetUtcNow()).MayPublish(row));
        // It gets the full number of attempts again before it is parked once more.
        Assert.False(row.RecordFailure("Broker: Message size too large", rowSpecific: true, _clock.GetUtcNow(), maxAttempts: 2));
    }
}
