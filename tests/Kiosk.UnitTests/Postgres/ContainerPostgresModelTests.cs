using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Kiosk.AppHost.Postgres;

namespace Kiosk.UnitTests.Postgres;

public sealed class ContainerPostgresModelTests
{
    [Fact]
    public void Container_mode_uses_the_Aspire_postgres_container_and_its_databases()
    {
        var builder = PostgresTestBuilder.Create(("Kiosk:Postgres:Mode", "container"));

        var postgres = builder.AddKioskPostgres();
        var database = Assert.IsType<PostgresDatabaseResource>(postgres.AddKioskDatabase("menudb").Resource);

        var server = Assert.IsType<PostgresServerResource>(postgres.Resource);
        Assert.Equal("postgres", server.Name);
        Assert.Same(server, database.Parent);
        Assert.Equal("menudb", database.DatabaseName);
        Assert.EndsWith(";Database=menudb", database.ConnectionStringExpression.ValueExpression, StringComparison.Ordinal);
        Assert.NotEmpty(server.Annotations.OfType<HealthCheckAnnotation>());
        Assert.NotEmpty(database.Annotations.OfType<HealthCheckAnnotation>());
        Assert.Empty(server.Annotations.OfType<ContainerMountAnnotation>());
    }

    [Fact]
    public void Container_mode_keeps_data_in_the_named_volume()
    {
        var builder = PostgresTestBuilder.Create(("Kiosk:Postgres:Mode", "container"), ("Kiosk:Postgres:DataVolume", "kiosk-pgdata"));

        var server = builder.AddKioskPostgres().Resource;

        var mount = Assert.Single(server.Annotations.OfType<ContainerMountAnnotation>());
        Assert.Equal(ContainerMountType.Volume, mount.Type);
        Assert.Equal("kiosk-pgdata", mount.Source);
    }

    [Theory]
    [InlineData("true", 1)]
    [InlineData("false", 0)]
    public void Container_mode_data_volume_can_be_switched_on_with_a_default_name(string setting, int expectedMounts)
    {
        var builder = PostgresTestBuilder.Create(("Kiosk:Postgres:Mode", "container"), ("Kiosk:Postgres:DataVolume", setting));

        var server = builder.AddKioskPostgres().Resource;

        Assert.Equal(expectedMounts, server.Annotations.OfType<ContainerMountAnnotation>().Count());
    }
}
