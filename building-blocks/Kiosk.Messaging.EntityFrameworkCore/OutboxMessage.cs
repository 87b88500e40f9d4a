using System.Text.Json;
using Kiosk.Contracts.Events;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>An event waiting to be published, written in the same transaction as the state change it announces.</summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }
    public Guid EventId { get; private set; }
    public required string Topic { get; init; }
    public required string Key { get; init; }
    public required string EventType { get; init; }
    public required string Payload { get; init; }

    /// <summary>W3C trace context of the request that wrote the row, so the publish span joins the same trace.</summary>
    public string? TraceContext { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Set when the row kept failing for a reason of its own: the relay skips it until staff retry it.</summary>
    public DateTimeOffset? ParkedAt { get; private set; }

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    internal void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        LastError = null;
    }

    /// <summary>
    /// Records a failed publish and schedules the next attempt with exponential backoff. A failure of the row itself
    /// (<paramref name="rowSpecific"/>) parks it once <paramref name="maxAttempts"/> attempts have failed; a broker
    /// outage never does, however long it lasts, because every row would fail the same way and none is at fault.
    /// </summary>
    /// <returns>Whether the row is now parked.</returns>
    internal bool RecordFailure(string error, bool rowSpecific, DateTimeOffset now, int maxAttempts)
    {
        Attempts++;
        LastError = error;
        NextAttemptAt = now + Backoff(Attempts);
        if (rowSpecific && Attempts >= maxAttempts)
        {
            ParkedAt = now;
        }
        return ParkedAt is not null;
    }

    /// <summary>Staff have fixed the cause: publish it again at the next round, with a fresh count of attempts.</summary>
    internal void Unpark(DateTimeOffset now)
    {
        ParkedAt = null;
        Attempts = 0;
        NextAttemptAt = now;
    }

    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMilliseconds(Math.Min(
            MaxBackoff.TotalMilliseconds, FirstBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempts, 10))));

    public static OutboxMessage Create<TEvent>(string topic, string key, TEvent @event, TimeProvider? clock = null)
        where TEvent : IIntegrationEvent
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        return new OutboxMessage
        {
            EventId = @event.EventId,
            Topic = topic,
            Key = key,
            EventType = typeof(TEvent).Name,
            Payload = EventSerializer.SerializeToString(@event),
            TraceContext = JsonSerializer.Serialize(KafkaTelemetry.CaptureCurrentContext()),
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    /// <summary>A row as the relay read it with plain SQL (<see cref="OutboxQuery"/>), to be attached to its context.</summary>
    internal static OutboxMessage Restore(
        long id, Guid eventId, string topic, string key, string eventType, string payload, string? traceContext,
        DateTimeOffset createdAt, DateTimeOffset? sentAt, int attempts, DateTimeOffset nextAttemptAt, string? lastError,
        DateTimeOffset? parkedAt) => new()
        {
            Id = id,
            EventId = eventId,
            Topic = topic,
            Key = key,
            EventType = eventType,
            Payload = payload,
            TraceContext = traceContext,
            CreatedAt = createdAt,
            SentAt = sentAt,
            Attempts = attempts,
            NextAttemptAt = nextAttemptAt,
            LastError = lastError,
            ParkedAt = parkedAt,
        };

    internal IReadOnlyDictionary<string, string>? ReadTraceContext() =>
        TraceContext is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(TraceContext);
}
