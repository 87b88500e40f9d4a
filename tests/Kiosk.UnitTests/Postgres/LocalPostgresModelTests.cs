using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Kiosk.AppHost.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Kiosk.UnitTests.Postgres;

public sealed class LocalPostgresModelTests : IDisposable
{
    private const int AllocatedPort = 54321;
    private readonly TempDataDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private IDistributedApplicationBuilder CreateBuilder() => PostgresTestBuilder.Create(
        ("Kiosk:Postgres:Mode", "local"),
        ("Kiosk:Postgres:DataDir", directory.DataDir));

    [Fact]
    public async Task Server_runs_the_installed_postgres_on_loopback_with_the_given_data_dir()
    {
        var server = Assert.IsType<LocalPostgresServerResource>(CreateBuilder().AddKioskPostgres().Resource);
        Allocate(Assert.Single(server.Annotations.OfType<EndpointAnnotation>()), targetPort: 61000);

        var (args, _) = await LaunchConfiguration.ResolveAsync(server);

        var program = ProgramOf(server.Command, args);
        Assert.Equal("postgres", Path.GetFileName(program));
        Assert.True(File.Exists(program), $"{program} should be the installed server");
        Assert.Equal(["-D", directory.DataDir, "-k", "/tmp", "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"], args[^8..]);
        if (Environment.IsPrivilegedProcess)
        {
            Assert.Equal("setpriv", server.Command);
            Assert.Equal(["--reuid=postgres", "--regid=postgres", "--init-groups"], args[..3]);
        }
    }

    [Fact]
    public async Task Server_listens_on_the_port_Aspire_allocates_through_PGPORT()
    {
        var server = (LocalPostgresServerResource)CreateBuilder().AddKioskPostgres().Resource;

        var endpoint = Assert.Single(server.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal(LocalPostgresServerResource.PrimaryEndpointName, endpoint.Name);
        Assert.Equal("tcp", endpoint.UriScheme);

        Allocate(endpoint, targetPort: 61000);
        var (_, environment) = await LaunchConfiguration.ResolveAsync(server);
        Assert.Equal("61000", environment["PGPORT"]);
    }

    [Fact]
    public async Task Server_connection_string_points_at_the_allocated_loopback_port_as_postgres()
    {
        var server = (LocalPostgresServerResource)CreateBuilder().AddKioskPostgres().Resource;
        Allocate(Assert.Single(server.Annotations.OfType<EndpointAnnotation>()), targetPort: 61000);

        Assert.Equal("Host={postgres.bindings.tcp.host};Port={postgres.bindings.tcp.port};Username=postgres",
            server.ConnectionStringExpression.ValueExpression);
        Assert.Equal($"Host=127.0.0.1;Port={AllocatedPort};Username=postgres", await ((IResourceWithConnectionString)server).GetConnectionStringAsync());
    }

    [Fact]
    public async Task Server_health_check_is_a_real_query_that_fails_while_nothing_listens()
    {
        var builder = CreateBuilder();
        var server = (LocalPostgresServerResource)builder.AddKioskPostgres().Resource;
        Allocate(Assert.Single(server.Annotations.OfType<EndpointAnnotation>()), targetPort: 61000);

        var annotation = Assert.Single(server.Annotations.OfType<HealthCheckAnnotation>());
        Assert.Equal("postgres_check", annotation.Key);
        var result = await RunHealthCheckAsync(builder, annotation.Key);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("'postgres' does not answer yet", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fresh_data_dir_is_initialised_by_a_one_shot_initdb_the_server_waits_for()
    {
        var builder = CreateBuilder();
        var server = builder.AddKioskPostgres().Resource;

        var init = Assert.IsType<ExecutableResource>(Assert.Single(builder.Resources, r => r.Name == "postgres-init"));
        var (args, _) = await LaunchConfiguration.ResolveAsync(init);
        Assert.Equal("initdb", Path.GetFileName(ProgramOf(init.Command, args)));
        Assert.Equal(["-D", directory.DataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8"], args[^7..]);

        var wait = Assert.Single(server.Annotations.OfType<WaitAnnotation>());
        Assert.Same(init, wait.Resource);
        Assert.Equal(WaitType.WaitForCompletion, wait.WaitType);
    }

    [Fact]
    public void An_initialised_data_dir_is_not_initialised_again()
    {
        Directory.CreateDirectory(directory.DataDir);
        File.WriteAllText(Path.Combine(directory.DataDir, "PG_VERSION"), "15\n");
        var builder = CreateBuilder();

        var server = builder.AddKioskPostgres().Resource;

        Assert.DoesNotContain(builder.Resources, r => r.Name == "postgres-init");
        Assert.Empty(server.Annotations.OfType<WaitAnnotation>());
    }

    [Fact]
    public async Task Database_is_a_health_checked_child_whose_connection_string_adds_the_database()
    {
        var builder = CreateBuilder();
        var postgres = builder.AddKioskPostgres();
        var server = (LocalPostgresServerResource)postgres.Resource;
        Allocate(Assert.Single(server.Annotations.OfType<EndpointAnnotation>()), targetPort: 61000);

        var database = Assert.IsType<KioskPostgresDatabaseResource>(postgres.AddKioskDatabase("menudb").Resource);

        Assert.Same(server, database.Parent);
        Assert.Equal("menudb", database.DatabaseName);
        Assert.Equal($"Host=127.0.0.1;Port={AllocatedPort};Username=postgres;Database=menudb", await ((IResourceWithConnectionString)database).GetConnectionStringAsync());
        Assert.Equal("menudb_check", Assert.Single(database.Annotations.OfType<HealthCheckAnnotation>()).Key);
        Assert.Equal(HealthStatus.Unhealthy, (await RunHealthCheckAsync(builder, "menudb_check")).Status);
    }

    private static string ProgramOf(string command, IReadOnlyList<string> args) =>
        command == "setpriv" ? args.First(a => !a.StartsWith("--", StringComparison.Ordinal)) : command;

    private static void Allocate(EndpointAnnotation endpoint, int targetPort)
    {
        endpoint.TargetPort = targetPort;
        endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "localhost", AllocatedPort);
    }

    private static async Task<HealthCheckResult> RunHealthCheckAsync(IDistributedApplicationBuilder builder, string key)
    {
        using var services = builder.Services.BuildServiceProvider();
        var registration = Assert.Single(services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations, r => r.Name == key);
        return await registration.Factory(services).CheckHealthAsync(new HealthCheckContext { Registration = registration });
    }
}
