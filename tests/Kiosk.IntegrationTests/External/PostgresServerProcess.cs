using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Kiosk.AppHost.Postgres;
using Npgsql;

namespace Kiosk.IntegrationTests.External;

/// <summary>
/// A PostgreSQL server of the test's own, standing in for a managed one: a fresh cluster (initdb) in a temporary folder,
/// served on its own loopback port over TCP only, found and run the way the AppHost's local mode does it.
/// </summary>
public sealed partial class PostgresServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private readonly ChildProcess _server;

    private PostgresServerProcess(ChildProcess server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server's connection string without a database, as an operator gives it to the AppHost.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username={LocalPostgresServerResource.SuperUser}";

    public string Output() => _server.Output();

    public static async Task<PostgresServerProcess> StartAsync(string folder)
    {
        var binDir = PostgresBinaries.FindBinDirectory(configuredBinDir: null);
        var dataDir = Path.Combine(folder, "postgres");
        await PostgresDataDirectory.PrepareAsync(dataDir, CancellationToken.None);
        var (initdb, initdbArgs) = PostgresDataDirectory.AsServerUser(Path.Combine(binDir, "initdb"),
            "-D", dataDir, "-U", LocalPostgresServerResource.SuperUser, "--auth=trust", "-E", "UTF8");
        await ChildProcess.RunAsync("initdb", initdb, initdbArgs, StartPatience);

        var port = FreeLoopbackPort();
        var (postgres, postgresArgs) = PostgresDataDirectory.AsServerUser(Path.Combine(binDir, "postgres"),
            "-D", dataDir, "-p", port.ToString(), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
            "-c", "max_connections=300");
        // SIGINT is postgres' fast shutdown: open sessions are ended rather than waited for.
        var server = ChildProcess.Start("postgres", postgres, postgresArgs, stopSignal: "INT");
        var started = new PostgresServerProcess(server, port);
        try
        {
            await server.WaitForLineAsync(ReadyLine(), StartPatience);
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    public NpgsqlConnection Open(string database) => new(new NpgsqlConnectionStringBuilder(ConnectionString)
    {
        Database = database,
        Pooling = false,
    }.ConnectionString);

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex("(database system is ready to accept connections)")]
    private static partial Regex ReadyLine();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
