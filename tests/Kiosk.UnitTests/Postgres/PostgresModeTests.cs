using Aspire.Hosting;
using Kiosk.AppHost.Postgres;

namespace Kiosk.UnitTests.Postgres;

public sealed class PostgresModeTests
{
    [Fact]
    public void Local_mode_without_server_binaries_fails_at_build_naming_the_three_ways_out()
    {
        using var directory = new TempDataDirectory();
        var builder = PostgresTestBuilder.Create(
            ("Kiosk:Postgres:Mode", "local"),
            ("Kiosk:Postgres:BinDir", directory.Root),
            ("Kiosk:Postgres:DataDir", directory.DataDir));

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddKioskPostgres());

        Assert.Contains($"none were found in: {directory.Root}", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("start Docker", error.Message, StringComparison.Ordinal);
        Assert.Contains("Kiosk:Postgres:Mode=external and ConnectionStrings:postgres", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kubernetes")]
    [InlineData("7")]
    public void An_unknown_mode_fails_at_build_listing_the_valid_ones(string mode)
    {
        var builder = PostgresTestBuilder.Create(("Kiosk:Postgres:Mode", mode));

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddKioskPostgres());

        Assert.Equal($"Kiosk:Postgres:Mode is '{mode}'; use one of: auto, container, local, external.", error.Message);
    }

    [Theory]
    [InlineData("LOCAL")]
    [InlineData("Local")]
    public void Mode_names_ignore_case(string mode)
    {
        using var directory = new TempDataDirectory();
        var builder = PostgresTestBuilder.Create(("Kiosk:Postgres:Mode", mode), ("Kiosk:Postgres:DataDir", directory.DataDir));

        Assert.IsType<LocalPostgresServerResource>(builder.AddKioskPostgres().Resource);
    }
}
