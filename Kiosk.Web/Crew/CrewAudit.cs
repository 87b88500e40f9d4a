using System.Security.Claims;
using Kiosk.Data;
using Kiosk.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Web.Crew;

/// <summary>Appends to the web audit trail (rows are only ever added) and reads it back for the manager's screen.</summary>
public sealed class CrewAudit(CrewDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>
    /// Records <paramref name="action"/> by the signed-in crew member (or <paramref name="actor"/> when nobody is signed in
    /// yet, as at sign-in), from the client's address.
    /// </summary>
    public async Task RecordAsync(string action, bool success, string? subject = null, string? details = null,
        CrewMember? actor = null, string? approvedBy = null, CancellationToken ct = default)
    {
        var context = http.HttpContext;
        var user = context?.User;
        var signedIn = user?.Identity?.IsAuthenticated == true;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNowForDatabase(),
            Action = action,
            Subject = Cut(subject, 200),
            CrewId = actor?.Id.ToString(CultureInfo.InvariantCulture) ?? (signedIn ? user!.FindFirstValue(ClaimTypes.NameIdentifier) : null),
            CrewName = actor?.DisplayName ?? (signedIn ? user!.Identity!.Name : null),
            CrewRole = Cut(actor is not null ? string.Join(",", actor.Roles)
                : signedIn ? string.Join(",", user!.FindAll(ClaimTypes.Role).Select(r => r.Value)) : null, 60),
            ApprovedBy = Cut(approvedBy ?? context?.Items[CrewHeaders.ApprovedByItem] as string, 80),
            ClientAddress = context is null ? null : ClientAddress.Of(context),
            Details = Cut(details, 500),
            Success = success,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The rows between <paramref name="from"/> and <paramref name="to"/>, newest first, optionally one action or one crew member's.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(DateTimeOffset from, DateTimeOffset to, string? action, string? crewId, int limit, CancellationToken ct)
    {
        // PostgreSQL's timestamptz takes only UTC instants; the store's midnights come with the store's offset.
        var (start, end) = (from.ToUniversalTime(), to.ToUniversalTime());
        var query = db.AuditEntries.AsNoTracking().Where(a => a.At >= start && a.At < end);
        if (!string.IsNullOrEmpty(action))
        {
            query = query.Where(a => a.Action == action);
        }
        if (!string.IsNullOrEmpty(crewId))
        {
            query = query.Where(a => a.CrewId == crewId);
        }
        return await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(limit).ToListAsync(ct);
    }

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
