using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Kiosk.AppHost.Postgres;

namespace Kiosk.UnitTests.Postgres;

public sealed class ExternalPostgresModelTests
{
    private const string ServerConnectionString = "Host=db.example;Port=5432;Username=kiosk;Password=s3cret";

    [Fact]
    public async Task External_mode_derives_each_database_from_the_server_connection_string()
    {
        var builder = PostgresTestBuilder.Create(("Kiosk:Postgres:Mode", "external"), ("ConnectionStrings:postgres", ServerConnectionString));

        var postgres = builder.AddKioskPostgres();
        var menu = postgres.AddKioskDatabase("menudb");
        var orders = postgres.AddKioskDatabase("ordersdb");

        Assert.Equal("postgres", postgres.Resource.Name);
        Assert.Equal(ServerConnectionString, await postgres.Resource.GetConnectionStringAsync());
        Assert.Equal(ServerConnectionString + ";Database=menudb", await menu.Resource.GetConnectionStringAsync());
        Assert.Equal(ServerConnectionString + ";Database=ordersdb", await orders.Resource.GetConnectionStringAsync());
        var database = Assert.IsType<KioskPostgresDatabaseResource>(menu.Resource);
        Assert.Same(postgres.Resource, database.Parent);
        Assert.Equal("menudb_check", Assert.Single(database.Annotations.OfType<HealthCheckAnnotation>()).Key);
    }

    [Fact]
    public void External_mode_without_a_connection_string_fails_at_build_and_says_what_to_set()
    {
        var builder = PostgresTestBuilder.Create(("Kiosk:Postgres:Mode", "external"));

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddKioskPostgres());

        Assert.Contains("ConnectionStrings:postgres is not set", error.Message, StringComparison.Ordinal);
    }
}
