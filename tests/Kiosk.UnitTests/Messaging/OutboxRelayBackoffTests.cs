using Kiosk.Messaging;
using Kiosk.Messaging.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.UnitTests.Messaging;

public sealed class OutboxRelayBackoffTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Each_failed_attempt_doubles_the_wait_before_the_next_until_thirty_seconds()
    {
        var row = OutboxRelayRows.PaymentFor(Guid.NewGuid(), _clock);
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 9; attempt++)
        {
            row.RecordFailure("Local: Message timed out", rowSpecific: false, _clock.GetUtcNow(), maxAttempts: 10);
            waits.Add(row.NextAttemptAt - _clock.GetUtcNow());
            _clock.Advance(row.NextAttemptAt - _clock.GetUtcNow());
        }

        Assert.Equal(
            new[] { 0.5, 1, 2, 4, 8, 16, 30, 30, 30 }.Select(TimeSpan.FromSeconds),
            waits);
        Assert.Equal(9, row.Attempts);
        Assert.Equal("Local: Message timed out", row.LastError);
    }

    [Fact]
    public void A_row_waiting_out_its_backoff_is_not_published_until_it_is_due()
    {
        var row = OutboxRelayRows.PaymentFor(Guid.NewGuid(), _clock);
        row.RecordFailure("Broker: Message size too large", rowSpecific: true, _clock.GetUtcNow(), maxAttempts: 10);

        Assert.False(new OutboxRound([], _clock.GetUtcNow()).MayPublish(row));

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(new OutboxRound([], _clock.GetUtcNow()).MayPublish(row));
    }

    [Fact]
    public void A_published_row_forgets_its_last_error()
    {
        var row = OutboxRelayRows.PaymentFor(Guid.NewGuid(), _clock);
        row.RecordFailure("Local: Message timed out", rowSpecific: false, _clock.GetUtcNow(), maxAttempts: 10);

        row.MarkSent(_clock.GetUtcNow());

        Assert.Equal(_clock.GetUtcNow(), row.SentAt);
        Assert.Null(row.LastError);
    }
}
