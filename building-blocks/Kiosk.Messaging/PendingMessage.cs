namespace Kiosk.Messaging;

/// <summary>A consumed message that is not finished yet: how often it failed, since when, and when to try again.</summary>
internal sealed class PendingMessage(InboundMessage message, DateTimeOffset receivedAt)
{
    public InboundMessage Message => message;
    public DateTimeOffset ReceivedAt => receivedAt;
    public int Attempts { get; set; }
    public DateTimeOffset? FirstFailureAt { get; set; }
    public Exception? LastError { get; set; }
    /// <summary>Set once the retry policy gave up: from then on only parking it is retried.</summary>
    public Exception? ParkReason { get; set; }
    public DateTimeOffset DueAt { get; set; }
}
