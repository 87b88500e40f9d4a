using Kiosk.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>What to do after a handler failed: try again after a delay, or park the message as a dead letter.</summary>
internal readonly record struct RetryDecision(TimeSpan? RetryAfter)
{
    public static RetryDecision DeadLetter => new(null);
    public bool ShouldRetry => RetryAfter is not null;
}

/// <summary>
/// Sorts failures: poison is parked at once, "not ready yet" waits up to a bound, outages (database, network) are
/// retried without end, write races a few times, and any other error <see cref="MaxAttempts"/> times.
/// </summary>
internal sealed class RetryPolicy(TimeSpan notReadyTimeout)
{
    public const int MaxAttempts = 3;
    private const int MaxConflictAttempts = 10;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);
    // The missing entity usually arrives within milliseconds to seconds; looking again is one cheap query.
    private static readonly TimeSpan MaxNotReadyBackoff = TimeSpan.FromSeconds(2);

    public TimeSpan NotReadyTimeout => notReadyTimeout;

    /// <param name="attempt">How many times the message has failed so far (1 after the first failure).</param>
    /// <param name="failingFor">Time since the message first failed.</param>
    public RetryDecision Decide(Exception error, int attempt, TimeSpan failingFor) => error switch
    {
        InvalidEventException => RetryDecision.DeadLetter,
        EventNotReadyException when failingFor >= notReadyTimeout => RetryDecision.DeadLetter,
        EventNotReadyException => new(Backoff(attempt, MaxNotReadyBackoff)),
        _ when IsTransient(error) => new(Backoff(attempt, MaxBackoff)),
        DbUpdateException conflict when conflict.IsWriteConflict() =>
            attempt < MaxConflictAttempts ? new(Backoff(attempt, MaxBackoff)) : RetryDecision.DeadLetter,
        // The same race met by a handler's SQL batch (ISqlIntegrationEventHandler).
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } =>
            attempt < MaxConflictAttempts ? new(Backoff(attempt, MaxBackoff)) : RetryDecision.DeadLetter,
        _ => attempt < MaxAttempts ? new(Backoff(attempt, MaxBackoff)) : RetryDecision.DeadLetter,
    };

    public static TimeSpan Backoff(int attempt, TimeSpan max) =>
        TimeSpan.FromMilliseconds(Math.Min(max.TotalMilliseconds, 100 * Math.Pow(2, Math.Clamp(attempt, 1, 10))));

    private static bool IsTransient(Exception ex) => ex switch
    {
        NpgsqlException { IsTransient: true } => true,
        TimeoutException or HttpRequestException => true,
        _ when ex.InnerException is not null => IsTransient(ex.InnerException),
        _ => false,
    };
}
