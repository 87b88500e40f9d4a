namespace Kiosk.Audit;

/// <summary>
/// One recorded action: who (the acting crew member, or the machine client), when, from where, and what. Rows are only
/// ever added; the table refuses UPDATE, DELETE and TRUNCATE (see <see cref="AuditMigrations"/>).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Service { get; init; }
    /// <summary>What happened, e.g. <c>payment.taken</c>, <c>order.cancelled</c>, <c>item.availability</c>.</summary>
    public required string Action { get; init; }
    /// <summary>What it happened to, e.g. the order or item id.</summary>
    public required string Subject { get; init; }
    public required string CrewId { get; init; }
    public string? CrewName { get; init; }
    public string? CrewRole { get; init; }
    public string? ApprovedBy { get; init; }
    public string? ClientAddress { get; init; }
    /// <summary>A JSON object with the action's facts (amounts, reasons, counts); never a discount holder's name or ID.</summary>
    public required string Details { get; init; }
}
