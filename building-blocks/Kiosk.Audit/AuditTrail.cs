using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Audit;

/// <summary>
/// Records actions in the caller's own DbContext: the entry is only added, so it commits with the caller's
/// SaveChanges, in the same transaction as the change it describes, or not at all.
/// </summary>
public sealed class AuditTrail(AuditServiceName service, IHttpContextAccessor httpContextAccessor, TimeProvider clock)
{
    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);

    /// <param name="details">An object whose properties describe the action (serialised camelCase).</param>
    public AuditEntry Record(DbContext db, string action, string subject, object details)
    {
        var crew = ActingCrew.From(httpContextAccessor.HttpContext);
        var entry = new AuditEntry
        {
            // Microsecond precision, like every timestamp PostgreSQL keeps: what is read back equals what was written.
            At = TruncateToMicroseconds(clock.GetUtcNow()),
            Service = service.Name,
            Action = action,
            Subject = subject,
            CrewId = crew.CrewId,
            CrewName = crew.CrewName,
            CrewRole = crew.CrewRole,
            ApprovedBy = crew.ApprovedBy,
            ClientAddress = crew.ClientAddress,
            Details = JsonSerializer.Serialize(details, DetailsJson),
        };
        db.Set<AuditEntry>().Add(entry);
        return entry;
    }

    private static DateTimeOffset TruncateToMicroseconds(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
}

/// <summary>The service name every entry of this app carries (<c>menu</c>, <c>orders</c>, <c>payments</c>).</summary>
public sealed record AuditServiceName(string Name);
