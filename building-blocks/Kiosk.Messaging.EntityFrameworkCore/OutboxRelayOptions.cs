namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>The outbox relay's settings, bound from the <c>Outbox</c> configuration section.</summary>
public sealed class OutboxRelayOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Failed publishes of one row, for a reason of its own, before it is parked for staff.</summary>
    public int MaxAttempts { get; set; } = 10;
}
