using Microsoft.EntityFrameworkCore.Design;

namespace Kiosk.Orders.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running database or the app's configuration.</summary>
public sealed class OrdersDbContextFactory : IDesignTimeDbContextFactory<OrdersDbContext>
{
    public OrdersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OrdersDbContext>().UseNpgsql("Host=localhost;Database=ordersdb").Options);
}
