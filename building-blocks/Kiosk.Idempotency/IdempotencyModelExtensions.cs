using Microsoft.EntityFrameworkCore;

namespace Kiosk.Idempotency;

public static class IdempotencyModelExtensions
{
    internal const string Table = "idempotency_keys";

    /// <summary>Adds the <c>idempotency_keys</c> table: one row per key and scope, holding the answer to replay.</summary>
    public static ModelBuilder AddIdempotencyKeys(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            // Explicit names: the claim is a hand-written INSERT … ON CONFLICT (see IdempotencyStore).
            record.ToTable(Table);
            // The primary key is the unique index that lets one request per key run; the others wait for its answer.
            record.HasKey(r => new { r.Scope, r.Key });
            record.Property(r => r.Scope).HasColumnName("scope").HasMaxLength(300);
            record.Property(r => r.Key).HasColumnName("idempotency_key").HasMaxLength(IdempotencyKey.MaxLength);
            record.Property(r => r.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
            record.Property(r => r.StatusCode).HasColumnName("status_code");
            record.Property(r => r.ContentType).HasColumnName("content_type").HasMaxLength(200);
            record.Property(r => r.Location).HasColumnName("location").HasMaxLength(2000);
            record.Property(r => r.Body).HasColumnName("body");
            record.Property(r => r.CreatedAt).HasColumnName("created_at");
            record.Property(r => r.ExpiresAt).HasColumnName("expires_at");
            // The hourly prune's query.
            record.HasIndex(r => r.ExpiresAt);
        });
        return modelBuilder;
    }
}
