using Kiosk.Contracts.Events;
using Kiosk.Messaging;
using Kiosk.Messaging.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Kiosk.UnitTests.Messaging;

public sealed class MessagePipelineTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-01T08:00:00Z"));
    private readonly List<(InboundMessage Message, Exception Error)> _parked = [];
    private readonly InboundMessage _message = FakeConsumerClient.Message("PAYMENT_CONFIRMED", 0, 7);
    private Func<Task<string>> _handler = () => Task.FromResult("handled");
    private Func<Exception?> _parkFailure = () => null;

    private MessagePipeline Pipeline(TimeSpan? notReadyTimeout = null) => new(
        "orders", new RetryPolicy(notReadyTimeout ?? TimeSpan.FromMinutes(2)),
        (_, _) => _handler(),
        (message, error, _) =>
        {
            if (_parkFailure() is { } failure)
            {
                throw failure;
            }
            _parked.Add((message, error));
            return Task.CompletedTask;
        },
        _clock, NullLogger.Instance);

    [Fact]
    public async Task A_transient_failure_is_retried_later_with_a_growing_backoff_then_handled()
    {
        var pipeline = Pipeline();
        var pending = new PendingMessage(_message, _clock.GetUtcNow());
        _handler = () => throw new NpgsqlException("database frozen", new TimeoutException());

        Assert.Null(await pipeline.StepAsync(pending, CancellationToken.None));
        var firstDelay = pending.DueAt - _clock.GetUtcNow();
        _clock.Advance(firstDelay);
        Assert.Null(await pipeline.StepAsync(pending, CancellationToken.None));
        var secondDelay = pending.DueAt - _clock.GetUtcNow();

        _handler = () => Task.FromResult("handled");
        _clock.Advance(secondDelay);
        Assert.Equal("handled", await pipeline.StepAsync(pending, CancellationToken.None));
        Assert.True(secondDelay > firstDelay, $"Backoff should grow: {firstDelay} then {secondDelay}.");
        Assert.Empty(_parked);
    }

    [Fact]
    public async Task A_message_not_ready_is_retried_until_the_bounded_time_then_dead_lettered()
    {
        var pipeline = Pipeline(notReadyTimeout: TimeSpan.FromSeconds(30));
        var pending = new PendingMessage(_message, _clock.GetUtcNow());
        _handler = () => throw new EventNotReadyException("order 42 is not known yet");

        var steps = 0;
        string? outcome;
        while ((outcome = await pipeline.StepAsync(pending, CancellationToken.None)) is null)
        {
            steps++;
            Assert.True(_clock.GetUtcNow() - pending.FirstFailureAt < TimeSpan.FromSeconds(30),
                "It must not wait past the not-ready timeout.");
            _clock.Advance(pending.DueAt - _clock.GetUtcNow());
        }

        Assert.Equal(MessagePipeline.DeadLettered, outcome);
        Assert.True(steps > 5, $"Expected several retries within 30 s, got {steps}.");
        var parked = Assert.Single(_parked);
        Assert.IsType<EventNotReadyException>(parked.Error);
        Assert.Equal(_message, parked.Message);
    }

    [Fact]
    public async Task Poison_is_dead_lettered_on_the_first_step()
    {
        _handler = () => throw new InvalidEventException("Not a valid PaymentConfirmed JSON document");

        var outcome = await Pipeline().StepAsync(new PendingMessage(_message, _clock.GetUtcNow()), CancellationToken.None);

        Assert.Equal(MessagePipeline.DeadLettered, outcome);
        Assert.IsType<InvalidEventException>(Assert.Single(_parked).Error);
    }

    [Fact]
    public async Task A_failed_park_is_retried_without_running_the_handler_again()
    {
        var pipeline = Pipeline();
        var pending = new PendingMessage(_message, _clock.GetUtcNow());
        var handlerRuns = 0;
        _handler = () =>
        {
            handlerRuns++;
            throw new InvalidEventException("poison");
        };
        _parkFailure = () => new TimeoutException("broker away");

        Assert.Null(await pipeline.StepAsync(pending, CancellationToken.None));
        _parkFailure = () => null;
        _clock.Advance(pending.DueAt - _clock.GetUtcNow());

        Assert.Equal(MessagePipeline.DeadLettered, await pipeline.StepAsync(pending, CancellationToken.None));
        Assert.Equal(1, handlerRuns);
        Assert.Single(_parked);
    }
}
