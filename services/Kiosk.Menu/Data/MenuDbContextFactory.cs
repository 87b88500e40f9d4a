using Microsoft.EntityFrameworkCore.Design;

namespace Kiosk.Menu.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running database or the app's configuration.</summary>
public sealed class MenuDbContextFactory : IDesignTimeDbContextFactory<MenuDbContext>
{
    public MenuDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MenuDbContext>().UseNpgsql("Host=localhost;Database=menudb").Options);
}
