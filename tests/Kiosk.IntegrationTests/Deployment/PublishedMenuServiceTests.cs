using Aspire.Hosting.Testing;
using Npgsql;

namespace Kiosk.IntegrationTests.Deployment;

/// <summary>
/// The published menu service, as a deployment runs it: its own process from the publish folder, settings from the
/// environment, migrations as a separate step (<c>--migrate</c>) and migrate-on-start off. It uses the suite's PostgreSQL
/// server and broker, with a database of its own so the AppHost's menu service is not disturbed.
/// </summary>
[Collection(KioskCollection.Name)]
public sealed class PublishedMenuServiceTests(KioskAppFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan MigrateTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ListenTimeout = TimeSpan.FromSeconds(60);
    private readonly string _database = "menu_published_" + Guid.NewGuid().ToString("N")[..8];
    private string _serverConnectionString = null!;
    private string _menuDll = null!;

    public async Task InitializeAsync()
    {
        _menuDll = await PublishedApp.FindOrPublishAsync("Kiosk.Menu", Path.Combine("services", "Kiosk.Menu"));
        _serverConnectionString = await fixture.App.GetConnectionStringAsync("menudb")
            ?? throw new InvalidOperationException("The menudb resource has no connection string.");
    }

    [Fact]
    public async Task Migrate_mode_creates_and_seeds_the_schema_and_exits_then_the_app_serves_the_menu_without_migrating()
    {
        await using (var migrate = PublishedApp.Run(_menuDll, ["--migrate"], Environment(MenuDatabase())))
        {
            var exitCode = await migrate.WaitForExitAsync(MigrateTimeout);
            Assert.True(exitCode == 0, $"--migrate exited with {exitCode}. Output:\n{migrate.Text}");
            Assert.Contains("MenuDbContext migrated", migrate.Text);
        }
        Assert.True(await CountAsync("""SELECT count(*) FROM "__EFMigrationsHistory" """) > 0, "No migration was recorded.");
        Assert.True(await CountAsync("""SELECT count(*) FROM "MenuItems" """) > 0, "The menu was not seeded.");

        var serving = Environment(MenuDatabase());
        serving["Kiosk__Database__MigrateOnStart"] = "false";
        await using var menu = PublishedApp.Run(_menuDll, [], serving);
        var address = await menu.ListeningAddressAsync(ListenTimeout);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

        var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
        var healthBody = await health.Content.ReadAsStringAsync();
        Assert.True(health.StatusCode == HttpStatusCode.OK && healthBody == "Healthy",
            $"/health answered {(int)health.StatusCode} {healthBody}. Output:\n{menu.Text}");

        var chicken = await http.GetAsync(new Uri("/api/menu/categories/CHICKENJOY/items", UriKind.Relative));
        var body = await chicken.Content.ReadAsStringAsync();
        Assert.True(chicken.StatusCode == HttpStatusCode.OK, $"The menu answered {(int)chicken.StatusCode} {body}. Output:\n{menu.Text}");
        var items = JsonNode.Parse(body)!.AsArray();
        Assert.Contains(items, item => item!["id"]!.GetValue<int>() == 101 && item["name"]!.GetValue<string>() == "1-pc Chickenjoy with Rice");
        Assert.DoesNotContain("MenuDbContext migrated", menu.Text);
    }

    [Fact]
    public async Task Migrate_mode_exits_non_zero_and_names_the_database_when_it_cannot_migrate()
    {
        // A login the server does not know: refused at once, on every attempt.
        var refused = new NpgsqlConnectionStringBuilder(MenuDatabase()) { Username = "kiosk_no_such_login" }.ConnectionString;
        var environment = Environment(refused);
        environment["Kiosk__Database__MigrationAttempts"] = "1";

        await using var migrate = PublishedApp.Run(_menuDll, ["--migrate"], environment);
        var exitCode = await migrate.WaitForExitAsync(MigrateTimeout);

        Assert.True(exitCode == 1, $"--migrate exited with {exitCode}. Output:\n{migrate.Text}");
        Assert.Contains("Migrating MenuDbContext failed", migrate.Text);
        Assert.Contains("kiosk_no_such_login", migrate.Text);
    }

    private string MenuDatabase() => new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = _database }.ConnectionString;

    private Dictionary<string, string> Environment(string menuDatabase) => new()
    {
        ["ConnectionStrings__menudb"] = menuDatabase,
        ["ConnectionStrings__kafka"] = fixture.KafkaBootstrapServers,
        ["Kiosk__StaffApiKey"] = KioskAppFixture.StaffApiKeyForTests,
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        // No collector here: the app exports telemetry only when this names one.
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
    };

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(MenuDatabase());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        if (_serverConnectionString is null)
        {
            return;
        }
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{_database}" WITH (FORCE)""", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
