using Microsoft.EntityFrameworkCore.Design;

namespace Kiosk.Payments.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running database or the app's configuration.</summary>
public sealed class PaymentsDbContextFactory : IDesignTimeDbContextFactory<PaymentsDbContext>
{
    public PaymentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PaymentsDbContext>().UseNpgsql("Host=localhost;Database=paymentsdb").Options);
}
