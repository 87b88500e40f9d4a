using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// Takes one step with a message: handle it, or — when the retry policy gives up — park it. It never waits: a failure
/// answers when to try again, so the consumer can keep polling (and serving other partitions) in between.
/// </summary>
internal sealed class MessagePipeline(
    string group,
    RetryPolicy policy,
    Func<InboundMessage, CancellationToken, Task<string>> handle,
    Func<InboundMessage, Exception, CancellationToken, Task> park,
    TimeProvider clock,
    ILogger logger)
{
    public const string DeadLettered = "dead-lettered";
    private static readonly TimeSpan MaxParkBackoff = TimeSpan.FromSeconds(10);

    /// <returns>The outcome ("handled", "duplicate", "dead-lettered") when done; null when <see cref="PendingMessage.DueAt"/> says when to try again.</returns>
    public async Task<string?> StepAsync(PendingMessage pending, CancellationToken cancellationToken)
    {
        var message = pending.Message;
        using var activity = KafkaTelemetry.StartProcess(message, group);
        string? outcome = null;
        if (pending.ParkReason is null)
        {
            try
            {
                outcome = await handle(message, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                pending.Attempts++;
                pending.FirstFailureAt ??= now;
                pending.LastError = ex;
                var decision = policy.Decide(ex, pending.Attempts, now - pending.FirstFailureAt.Value);
                if (decision.ShouldRetry)
                {
                    logger.LogWarning("{Message} failed (attempt {Attempt}, {Error}: {Reason}); retrying in {Delay} ms",
                        message, pending.Attempts, ex.GetType().Name, ex.Message, decision.RetryAfter!.Value.TotalMilliseconds);
                    pending.DueAt = now + decision.RetryAfter.Value;
                    activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    return null;
                }
                pending.ParkReason = ex;
            }
        }

        if (outcome is null)
        {
            try
            {
                await park(message, pending.ParkReason!, cancellationToken);
                outcome = DeadLettered;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The message is kept (offset not stored) until its dead-letter copy is safe: nothing is ever lost.
                pending.Attempts++;
                pending.LastError = ex;
                pending.DueAt = clock.GetUtcNow() + RetryPolicy.Backoff(pending.Attempts, MaxParkBackoff);
                logger.LogWarning(ex, "Parking {Message} failed; retrying", message);
                return null;
            }
        }

        activity?.SetTag("kiosk.outcome", outcome);
        KafkaTelemetry.RecordProcessed(message.Topic, group, clock.GetUtcNow() - pending.ReceivedAt, outcome);
        return outcome;
    }
}
