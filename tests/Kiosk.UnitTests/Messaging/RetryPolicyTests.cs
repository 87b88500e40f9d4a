using Kiosk.Contracts.Events;
using Kiosk.Messaging;
using Kiosk.Messaging.EntityFrameworkCore;
using Npgsql;

namespace Kiosk.UnitTests.Messaging;

public sealed class RetryPolicyTests
{
    private readonly RetryPolicy _policy = new(notReadyTimeout: TimeSpan.FromMinutes(2));

    [Fact]
    public void Poison_is_dead_lettered_on_the_first_failure()
    {
        Assert.False(_policy.Decide(new InvalidEventException("not json"), attempt: 1, TimeSpan.Zero).ShouldRetry);
    }

    [Fact]
    public void A_not_ready_message_is_retried_until_the_not_ready_timeout_then_dead_lettered()
    {
        var notReady = new EventNotReadyException("order unknown yet");

        Assert.True(_policy.Decide(notReady, attempt: 50, TimeSpan.FromSeconds(119)).ShouldRetry);
        Assert.False(_policy.Decide(notReady, attempt: 51, TimeSpan.FromMinutes(2)).ShouldRetry);
    }

    [Fact]
    public void A_database_outage_is_retried_without_end_and_the_backoff_grows_to_a_cap()
    {
        var outage = new NpgsqlException("connection refused", new TimeoutException());

        var first = _policy.Decide(outage, attempt: 1, TimeSpan.Zero);
        var second = _policy.Decide(outage, attempt: 2, TimeSpan.FromSeconds(1));
        var hundredth = _policy.Decide(outage, attempt: 100, TimeSpan.FromHours(1));

        Assert.True(hundredth.ShouldRetry);
        Assert.True(second.RetryAfter > first.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(10), hundredth.RetryAfter);
    }

    [Fact]
    public void A_unique_key_taken_meanwhile_in_a_sql_batch_is_retried_like_any_write_conflict()
    {
        // What a handler's SQL batch meets when another replica took the same order number first.
        var taken = new PostgresException("duplicate key value", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);

        Assert.True(_policy.Decide(taken, attempt: RetryPolicy.MaxAttempts, TimeSpan.Zero).ShouldRetry);
        Assert.False(_policy.Decide(taken, attempt: 10, TimeSpan.Zero).ShouldRetry);
    }

    [Fact]
    public void Any_other_error_gets_three_attempts()
    {
        var bug = new InvalidOperationException("a bug");

        Assert.True(_policy.Decide(bug, attempt: RetryPolicy.MaxAttempts - 1, TimeSpan.Zero).ShouldRetry);
        Assert.False(_policy.Decide(bug, attempt: RetryPolicy.MaxAttempts, TimeSpan.Zero).ShouldRetry);
    }
}
