using Microsoft.EntityFrameworkCore.Design;

namespace Kiosk.Cart.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running database or the app's configuration.</summary>
public sealed class CartDbContextFactory : IDesignTimeDbContextFactory<CartDbContext>
{
    public CartDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CartDbContext>().UseNpgsql("Host=localhost;Database=cartdb").Options);
}
