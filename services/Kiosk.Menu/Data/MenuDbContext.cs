namespace Kiosk.Menu.Data;

public sealed class MenuDbContext(DbContextOptions<MenuDbContext> options) : DbContext(options)
{
    /// <summary>Seeded items use fixed ids below this, so the sequence starts above them.</summary>
    public const int FirstGeneratedItemId = 1000;

    public DbSet<Category> Categories => Set<Category>();
    public DbSet<MenuItem> MenuItems => Set<MenuItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Category>(category =>
        {
            category.HasKey(c => c.Code);
            category.Property(c => c.Code).HasMaxLength(32);
            category.Property(c => c.Name).HasMaxLength(64);
            category.HasIndex(c => c.SortOrder);
        });

        modelBuilder.Entity<MenuItem>(item =>
        {
            item.Property(i => i.Id)
                .UseIdentityByDefaultColumn()
                .HasIdentityOptions(startValue: FirstGeneratedItemId);
            item.Property(i => i.CategoryCode).HasMaxLength(32);
            item.Property(i => i.Name).HasMaxLength(100);
            item.Property(i => i.Description).HasMaxLength(300);
            item.Property(i => i.Price).HasPrecision(10, 2);
            item.Property(i => i.ImageKey).HasMaxLength(40);
            // Retiring a category must not silently delete its items.
            item.HasOne<Category>().WithMany().HasForeignKey(i => i.CategoryCode).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.AddOutbox();
    }
}
