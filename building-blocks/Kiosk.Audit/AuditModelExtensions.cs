using Microsoft.EntityFrameworkCore;

namespace Kiosk.Audit;

public static class AuditModelExtensions
{
    public const string Table = "audit_entries";

    /// <summary>Adds the append-only <c>audit_entries</c> table; its migration must call <see cref="AuditMigrations.CreateAppendOnlyGuard"/>.</summary>
    public static ModelBuilder AddAuditTrail(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable(Table);
            entry.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            entry.Property(e => e.At).HasColumnName("at");
            entry.Property(e => e.Service).HasColumnName("service").HasMaxLength(32);
            entry.Property(e => e.Action).HasColumnName("action").HasMaxLength(64);
            entry.Property(e => e.Subject).HasColumnName("subject").HasMaxLength(200);
            entry.Property(e => e.CrewId).HasColumnName("crew_id").HasMaxLength(200);
            entry.Property(e => e.CrewName).HasColumnName("crew_name").HasMaxLength(200);
            entry.Property(e => e.CrewRole).HasColumnName("crew_role").HasMaxLength(200);
            entry.Property(e => e.ApprovedBy).HasColumnName("approved_by").HasMaxLength(200);
            entry.Property(e => e.ClientAddress).HasColumnName("client_address").HasMaxLength(200);
            entry.Property(e => e.Details).HasColumnName("details").HasColumnType("jsonb");
            // The audit endpoint's query: newest first within a time range, optionally of one crew member.
            entry.HasIndex(e => e.At);
            entry.HasIndex(e => new { e.CrewId, e.At });
        });
        return modelBuilder;
    }
}
