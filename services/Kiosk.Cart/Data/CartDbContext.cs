namespace Kiosk.Cart.Data;

using Kiosk.Cart.Domain;
using Kiosk.Idempotency;

public sealed class CartDbContext(DbContextOptions<CartDbContext> options) : DbContext(options)
{
    public DbSet<Cart> Carts => Set<Cart>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Cart>(cart =>
        {
            cart.Property(c => c.Id).ValueGeneratedNever();
            cart.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            cart.Property(c => c.DiningOption).HasConversion<string>().HasMaxLength(16);
            // Every change bumps it, so of two racing edits (two new lines for one item included) only the first saves.
            cart.Property(c => c.Version).IsConcurrencyToken();
            // One cart, one order: a second checkout can never attach a different order id.
            cart.HasIndex(c => c.OrderId).IsUnique();
            // The sweep's queries: open carts by idleness, checked-out carts by age.
            cart.HasIndex(c => new { c.Status, c.LastChangedAt });
            cart.HasIndex(c => new { c.Status, c.CheckedOutAt });
            cart.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CartId).OnDelete(DeleteBehavior.Cascade);
            cart.Ignore(c => c.Total);
        });

        modelBuilder.Entity<CartLine>(line =>
        {
            line.ToTable("CartLines");
            line.Property(l => l.Id).ValueGeneratedNever();
            line.Property(l => l.Name).HasMaxLength(100);
            line.Property(l => l.UnitPrice).HasPrecision(10, 2);
            line.Property(l => l.Note).HasMaxLength(LineNote.MaxLength);
            line.Property(l => l.Choices).HasJsonListConversion();
            line.Ignore(l => l.LineTotal);
        });

        modelBuilder.AddOutbox();
        modelBuilder.AddIdempotencyKeys();
    }
}
