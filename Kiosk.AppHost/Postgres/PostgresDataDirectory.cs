using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Kiosk.AppHost.Postgres;

/// <summary>Chooses and prepares the data directory of the local PostgreSQL server; tests that run a server of their own use it too.</summary>
public static class PostgresDataDirectory
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>True when initdb and postgres must run as the 'postgres' user (they refuse to run as root).</summary>
    public static bool RunAsPostgresUser => !OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess;

    /// <summary>The configured directory, else a persistent git-ignored <c>.data/postgres</c> next to the AppHost project.</summary>
    internal static string Resolve(string? configured, string appHostDirectory)
    {
        if (configured is not null)
        {
            var dataDir = Path.GetFullPath(configured);
            if (RunAsPostgresUser && !ParentsAreTraversable(dataDir))
            {
                throw new DistributedApplicationException(
                    $"Kiosk:Postgres:DataDir '{dataDir}' cannot be reached by the 'postgres' user the server runs as; "
                    + "choose a directory whose parent directories are world-executable (o+x).");
            }

            return dataDir;
        }

        var preferred = Path.Combine(appHostDirectory, ".data", "postgres");
        if (!RunAsPostgresUser || ParentsAreTraversable(preferred))
        {
            return preferred;
        }

        // The server runs as 'postgres', which cannot enter a private checkout (e.g. under /root): keep the data in the temp folder instead, one per checkout.
        var checkoutId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(preferred)))[..12];
        return Path.Combine(Path.GetTempPath(), $"kiosk-postgres-{checkoutId}");
    }

    /// <summary>True when <paramref name="dataDir"/> already holds a cluster, so initdb must not run.</summary>
    internal static bool IsInitialized(string dataDir) => File.Exists(Path.Combine(dataDir, "PG_VERSION"));

    /// <summary>Creates an empty data directory that initdb accepts: owned by the server's user, mode 700.</summary>
    public static async Task PrepareAsync(string dataDir, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDir);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(dataDir, OwnerOnly);
        if (!RunAsPostgresUser)
        {
            return;
        }

        using var chown = Process.Start("chown", ["postgres:postgres", dataDir]);
        await chown.WaitForExitAsync(cancellationToken);
        if (chown.ExitCode != 0)
        {
            throw new DistributedApplicationException($"Could not give '{dataDir}' to the 'postgres' user (chown exited with {chown.ExitCode}).");
        }
    }

    /// <summary>The command line that runs a server program as the server's user (see <see cref="RunAsPostgresUser"/>).</summary>
    // setpriv execs the program, so a stop signal reaches postgres itself and nothing is orphaned.
    public static (string Command, string[] Args) AsServerUser(string program, params string[] args) =>
        RunAsPostgresUser
            ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", program, .. args])
            : (program, args);

    private static bool ParentsAreTraversable(string dataDir)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        for (var dir = Path.GetDirectoryName(dataDir); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.Exists(dir) && !File.GetUnixFileMode(dir).HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return true;
    }
}
