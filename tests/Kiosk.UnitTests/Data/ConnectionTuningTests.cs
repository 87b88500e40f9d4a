using Kiosk.Cart.Data;
using Kiosk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Kiosk.UnitTests.Data;

public sealed class ConnectionTuningTests
{
    [Fact]
    public void A_plain_connection_string_gets_prepared_statements_and_no_reset_on_return_to_the_pool()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply("Host=db.store.local;Database=ordersdb;Username=orders"));

        Assert.Equal(ConnectionTuning.MaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal(ConnectionTuning.AutoPrepareMinUsages, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db.store.local", tuned.Host);
        Assert.Equal("ordersdb", tuned.Database);
        Assert.Equal("orders", tuned.Username);
    }

    [Theory]
    [InlineData("Host=db;Database=ordersdb;Max Auto Prepare=0", 0, 2, true)]
    [InlineData("Host=db;Database=ordersdb;MaxAutoPrepare=5;Auto Prepare Min Usages=7;No Reset On Close=false", 5, 7, false)]
    public void Settings_the_operator_wrote_are_kept(string connectionString, int maxAutoPrepare, int minUsages, bool noReset)
    {
        var tuned = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply(connectionString));

        Assert.Equal(maxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal(minUsages, tuned.AutoPrepareMinUsages);
        Assert.Equal(noReset, tuned.NoResetOnClose);
    }

    [Fact]
    public void A_missing_connection_string_stays_missing_for_the_usual_error()
    {
        Assert.Null(ConnectionTuning.Apply(null));
        Assert.Equal("", ConnectionTuning.Apply(""));
    }

    [Fact]
    public void A_services_context_connects_with_the_tuned_connection_string()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:cartdb"] = "Host=localhost;Database=cartdb",
        });
        builder.AddKioskDbContext<CartDbContext>("cartdb");

        using var services = builder.Services.BuildServiceProvider();
        using var scope = services.CreateScope();
        var used = new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<CartDbContext>().Database.GetConnectionString());

        Assert.Equal(ConnectionTuning.MaxAutoPrepare, used.MaxAutoPrepare);
        Assert.Equal("cartdb", used.Database);
    }
}
