using Kiosk.Web.Crew;

namespace Kiosk.Web.Pages.Staff;

/// <summary>
/// The manager's audit screen: one store day of the web app's own trail (sign-ins, crew changes, approvals) merged with
/// the menu, orders and payments services' trails, newest first, filtered by action and crew member. A service that does
/// not answer is named and its rows are left out; the rest still shows.
/// </summary>
public sealed class AuditModel(CrewAudit audit, CrewAccounts accounts, ServiceAuditClient services, StoreClock clock) : PageModel
{
    public const int Limit = 500;

    [BindProperty(SupportsGet = true)]
    public DateOnly? Day { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? CrewId { get; set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public IReadOnlyList<CrewMember> Crew { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = AuditActions.All;

    public string TimeText(DateTimeOffset at) => clock.DateAndTime(at);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var day = Day ??= clock.Today;
        var from = clock.StartOf(day);
        var to = clock.StartOf(day.AddDays(1));
        var action = string.IsNullOrWhiteSpace(Action) ? null : Action.Trim();
        var crewId = string.IsNullOrWhiteSpace(CrewId) ? null : CrewId.Trim();

        Crew = await accounts.AllAsync(ct);
        var own = await audit.ListAsync(from, to, action, crewId, Limit, ct);
        var theirs = await services.ListAsync(from, to, action, crewId, Limit, ct);
        Missing = theirs.Missing;
        Rows = [.. own.Select(AuditRow.From).Concat(theirs.Rows.Select(AuditRow.From))
            .OrderByDescending(r => r.At).Take(Limit)];
        Actions = [.. AuditActions.All.Concat(theirs.Rows.Select(r => r.Action ?? "")).Where(a => a.Length > 0).Distinct().Order(StringComparer.Ordinal)];
    }
}

/// <summary>One line of the merged audit trail.</summary>
public sealed record AuditRow(
    DateTimeOffset At, string Source, string Action, string? Subject, string? CrewId, string? CrewName, string? CrewRole,
    string? ApprovedBy, string? ClientAddress, string? Details, bool Success)
{
    public static AuditRow From(AuditEntry entry) => new(entry.At, "web", entry.Action, entry.Subject, entry.CrewId, entry.CrewName,
        entry.CrewRole, entry.ApprovedBy, entry.ClientAddress, entry.Details, entry.Success);

    public static AuditRow From(ServiceAuditRow row) => new(row.At, row.Service ?? "service", row.Action ?? "", row.Subject, row.CrewId,
        row.CrewName, row.CrewRole, row.ApprovedBy, row.ClientAddress,
        row.Details is { ValueKind: JsonValueKind.String } text ? text.GetString() : row.Details?.GetRawText(), Success: true);
}
