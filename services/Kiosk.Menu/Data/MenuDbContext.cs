namespace Kiosk.Menu.Data;

public sealed class MenuDbContext(DbContextOptions<MenuDbContext> options) : DbContext(options)
{
    /// <summary>Seeded items use fixed ids below this, so the sequence starts above them.</summary>
    public const int FirstGeneratedItemId = 1000;

    public DbSet<Category> Categories => Set<Category>();
    public DbSet<MenuItem> MenuItems => Set<MenuItem>();
    public DbSet<OptionGroup> OptionGroups => Set<OptionGroup>();
    public DbSet<OptionChoice> OptionChoices => Set<OptionChoice>();

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
            item.HasOne<MenuItem>().WithMany().HasForeignKey(i => i.MealId).OnDelete(DeleteBehavior.Restrict);
            item.HasMany(i => i.OptionGroups).WithOne().HasForeignKey(g => g.MenuItemId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OptionGroup>(group =>
        {
            group.Property(g => g.Code).HasMaxLength(32);
            group.Property(g => g.Name).HasMaxLength(64);
            group.HasIndex(g => new { g.MenuItemId, g.Code }).IsUnique();
            group.Ignore(g => g.IsRequired);
            group.ToTable(t => t.HasCheckConstraint("CK_OptionGroups_MinMax", "\"Min\" >= 0 AND \"Max\" >= 1 AND \"Min\" <= \"Max\""));
            group.HasMany(g => g.Choices).WithOne().HasForeignKey(c => c.OptionGroupId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OptionChoice>(choice =>
        {
            // Seeded with fixed ids (the kiosk and the tests refer to them), like the items.
            choice.Property(c => c.Id).ValueGeneratedNever();
            choice.Property(c => c.Name).HasMaxLength(64);
            choice.Property(c => c.PriceDelta).HasPrecision(10, 2);
            choice.ToTable(t => t.HasCheckConstraint("CK_OptionChoices_PriceDelta", "\"PriceDelta\" >= 0"));
        });

        modelBuilder.AddOutbox();
        modelBuilder.AddAuditTrail();
    }
}
