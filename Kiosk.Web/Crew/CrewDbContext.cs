using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kiosk.Web.Crew;

/// <summary>
/// The web app's own database (<c>webdb</c>): crew accounts, the web audit trail, the Data Protection keys that sign
/// crew cookies and antiforgery tokens, the first-run setup codes and the per-address sign-in throttle, so all of them
/// survive a restart and hold on every replica.
/// </summary>
public sealed class CrewDbContext(DbContextOptions<CrewDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<CrewMember> CrewMembers => Set<CrewMember>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SetupCode> SetupCodes => Set<SetupCode>();
    public DbSet<SignInAddress> SignInAddresses => Set<SignInAddress>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CrewMember>(crew =>
        {
            crew.ToTable("crew_members");
            crew.HasKey(c => c.Id);
            crew.Property(c => c.Id).HasColumnName("id");
            crew.Property(c => c.DisplayName).HasColumnName("display_name").HasMaxLength(60);
            crew.HasIndex(c => c.DisplayName).IsUnique();
            crew.Property(c => c.Roles).HasColumnName("roles");
            crew.Property(c => c.PinHash).HasColumnName("pin_hash");
            crew.Property(c => c.Enabled).HasColumnName("enabled");
            crew.Property(c => c.FailedAttempts).HasColumnName("failed_attempts");
            crew.Property(c => c.LockedUntil).HasColumnName("locked_until");
            crew.Property(c => c.CreatedAt).HasColumnName("created_at");
            crew.Property(c => c.ChangedAt).HasColumnName("changed_at");
            crew.Ignore(c => c.IsManager);
        });

        modelBuilder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("audit_entries");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Id).HasColumnName("id");
            audit.Property(a => a.At).HasColumnName("at");
            audit.HasIndex(a => a.At);
            audit.Property(a => a.Action).HasColumnName("action").HasMaxLength(40);
            audit.Property(a => a.Subject).HasColumnName("subject").HasMaxLength(200);
            audit.Property(a => a.CrewId).HasColumnName("crew_id").HasMaxLength(20);
            audit.Property(a => a.CrewName).HasColumnName("crew_name").HasMaxLength(60);
            audit.Property(a => a.CrewRole).HasColumnName("crew_role").HasMaxLength(60);
            audit.Property(a => a.ApprovedBy).HasColumnName("approved_by").HasMaxLength(80);
            audit.Property(a => a.ClientAddress).HasColumnName("client_address").HasMaxLength(64);
            audit.Property(a => a.Details).HasColumnName("details").HasMaxLength(500);
            audit.Property(a => a.Success).HasColumnName("success");
        });

        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        modelBuilder.Entity<SetupCode>(code =>
        {
            code.ToTable("setup_codes");
            code.HasKey(c => c.Id);
            code.Property(c => c.Id).HasColumnName("id");
            code.Property(c => c.CodeHash).HasColumnName("code_hash");
            code.HasIndex(c => c.CodeHash).IsUnique();
            code.Property(c => c.IssuedAt).HasColumnName("issued_at");
            code.Property(c => c.ExpiresAt).HasColumnName("expires_at");
        });

        modelBuilder.Entity<SignInAddress>(address =>
        {
            address.ToTable("sign_in_addresses");
            address.HasKey(a => a.Client);
            address.Property(a => a.Client).HasColumnName("client").HasMaxLength(64);
            address.Property(a => a.Failures).HasColumnName("failures");
            address.Property(a => a.LockedUntil).HasColumnName("locked_until");
            address.Property(a => a.ChangedAt).HasColumnName("changed_at");
            address.HasIndex(a => a.ChangedAt);
        });
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a running database or the app's configuration.</summary>
public sealed class CrewDbContextFactory : IDesignTimeDbContextFactory<CrewDbContext>
{
    public CrewDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CrewDbContext>().UseNpgsql("Host=localhost;Database=webdb").Options);
}
