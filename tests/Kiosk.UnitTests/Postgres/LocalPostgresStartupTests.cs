using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Kiosk.AppHost.Postgres;
using Npgsql;
using Xunit.Abstractions;

namespace Kiosk.UnitTests.Postgres;

/// <summary>Starts the real local PostgreSQL through the orchestrator, as the AppHost does on a machine without Docker.</summary>
[Trait("Category", "Infrastructure")]
public sealed class LocalPostgresStartupTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly TempDataDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Local_server_creates_the_database_keeps_its_data_across_restarts_and_leaves_no_process_behind()
    {
        Environment.SetEnvironmentVariable("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true");

        await RunAppAsync("first start (initdb)", async connection =>
        {
            await ExecuteAsync(connection, "CREATE TABLE visits (note text); INSERT INTO visits VALUES ('kept')");
            Assert.Equal("kioskdb", await ExecuteAsync(connection, "SELECT current_database()"));
        });

        await RunAppAsync("second start (existing data dir)", async connection =>
            Assert.Equal("kept", await ExecuteAsync(connection, "SELECT note FROM visits")));

        Assert.True(await NoServerProcessLeftAsync(), $"a postgres process still runs on {directory.DataDir}");
    }

    private async Task RunAppAsync(string label, Func<NpgsqlConnection, Task> useDatabase)
    {
        var builder = PostgresTestBuilder.Create(("Kiosk:Postgres:Mode", "local"), ("Kiosk:Postgres:DataDir", directory.DataDir));
        var database = builder.AddKioskPostgres().AddKioskDatabase("kioskdb");
        using var timeout = new CancellationTokenSource(StartTimeout);
        await using var app = builder.Build();

        var clock = Stopwatch.StartNew();
        await app.StartAsync(timeout.Token);
        await WaitHealthyAsync(app, "kioskdb", timeout.Token);
        output.WriteLine($"{label}: start to healthy database in {clock.ElapsedMilliseconds} ms");

        await using (var connection = new NpgsqlConnection(await database.Resource.GetConnectionStringAsync(timeout.Token)))
        {
            await connection.OpenAsync(timeout.Token);
            await useDatabase(connection);
        }

        NpgsqlConnection.ClearAllPools();
        await app.StopAsync(timeout.Token);
    }

    private static async Task WaitHealthyAsync(DistributedApplication app, string resource, CancellationToken cancellationToken)
    {
        try
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            var states = app.Services.GetService(typeof(DistributedApplicationModel)) is DistributedApplicationModel model
                ? string.Join(", ", model.Resources.Select(r => app.ResourceNotifications.TryGetCurrentState(r.Name, out var e) ? $"{r.Name}={e.Snapshot.State?.Text}" : r.Name))
                : "unknown";
            throw new TimeoutException($"'{resource}' was not healthy within {StartTimeout.TotalSeconds} s; states: {states}");
        }
    }

    private static async Task<string?> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private async Task<bool> NoServerProcessLeftAsync()
    {
        for (var i = 0; i < 50; i++)
        {
            if (!ServerProcessRuns())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    private bool ServerProcessRuns() => Directory.GetDirectories("/proc")
        .Select(dir => Path.Combine(dir, "cmdline"))
        .Any(cmdline =>
        {
            try
            {
                return File.ReadAllText(cmdline).Contains(directory.DataDir, StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        });
}
