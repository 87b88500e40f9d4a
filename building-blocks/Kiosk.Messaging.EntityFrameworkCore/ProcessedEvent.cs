namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>The inbox: one row per event a consumer group has handled, so a redelivered event is recognised and skipped.</summary>
public sealed class ProcessedEvent
{
    public Guid EventId { get; init; }
    public required string ConsumerGroup { get; init; }
    public required string Topic { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
