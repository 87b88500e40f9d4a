using System.Text.Json;
using Kiosk.Contracts.Events;

namespace Kiosk.ServiceDefaults.Messaging;

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

    internal IReadOnlyDictionary<string, string>? ReadTraceContext() =>
        TraceContext is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(TraceContext);
}
