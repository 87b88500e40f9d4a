using System.ComponentModel;
using System.Diagnostics;

namespace Kiosk.AppHost.Postgres;

/// <summary>Finds the installed PostgreSQL server programs (<c>initdb</c>, <c>postgres</c>); tests that run a server of their own use it too.</summary>
public static class PostgresBinaries
{
    private const string DebianInstallRoot = "/usr/lib/postgresql";

    /// <summary>The directory holding both server programs; <paramref name="configuredBinDir"/> alone when given.</summary>
    public static string FindBinDirectory(string? configuredBinDir)
    {
        var candidates = configuredBinDir is null ? DefaultCandidates() : [configuredBinDir];
        return candidates.FirstOrDefault(HasServerPrograms)
            ?? throw new DistributedApplicationException(MissingMessage(candidates));
    }

    internal static string MissingMessage(IReadOnlyList<string> searched) =>
        "PostgreSQL mode 'local' needs the PostgreSQL server programs (initdb and postgres), but none were found"
        + (searched.Count == 0 ? " (pg_config is not on PATH and " + DebianInstallRoot + " has no versions)." : $" in: {string.Join(", ", searched)}.")
        + " Choose one way out: (1) install PostgreSQL, e.g. `apt-get install postgresql`;"
        + " (2) start Docker (or set Kiosk:Postgres:Mode=container) to run PostgreSQL in a container;"
        + " (3) set Kiosk:Postgres:Mode=external and ConnectionStrings:postgres to the connection string of an existing server.";

    private static bool HasServerPrograms(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "postgres"));

    private static List<string> DefaultCandidates()
    {
        var candidates = new List<string>();
        if (PgConfigBinDir() is { } fromPgConfig)
        {
            candidates.Add(fromPgConfig);
        }

        if (Directory.Exists(DebianInstallRoot))
        {
            candidates.AddRange(Directory.GetDirectories(DebianInstallRoot)
                .Select(versionDir => (Version: ParseVersion(Path.GetFileName(versionDir)), Bin: Path.Combine(versionDir, "bin")))
                .Where(x => x.Version is not null)
                .OrderByDescending(x => x.Version)
                .Select(x => x.Bin)
                .Where(bin => !candidates.Contains(bin)));
        }

        return candidates;
    }

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var version) ? version : null;

    private static string? PgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return null;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(2)))
            {
                process.Kill();
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (Win32Exception)
        {
            // pg_config is not installed: fall back to scanning the usual install location.
            return null;
        }
    }
}
