namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>A message a consumer group parked, kept so the crew can see it and replay it once the cause is fixed.</summary>
public sealed class DeadLetter
{
    public long Id { get; init; }
    public required string Topic { get; init; }
    public int Partition { get; init; }
    public long Offset { get; init; }
    public string? Key { get; init; }
    public required byte[] Payload { get; init; }
    /// <summary>The message's headers (trace context and the like) as a JSON object.</summary>
    public required string Headers { get; init; }
    public required string ErrorType { get; init; }
    public required string ErrorMessage { get; init; }
    public required string ConsumerGroup { get; init; }
    public DateTimeOffset ParkedAt { get; init; }
    public DateTimeOffset? ReplayedAt { get; set; }
    /// <summary>handled, duplicate or failed: what the last replay did.</summary>
    public string? ReplayOutcome { get; set; }
    public string? ReplayError { get; set; }
}
