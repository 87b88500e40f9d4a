using System.Diagnostics;

namespace Kiosk.IntegrationTests.Resilience;

/// <summary>Signals and /proc figures for the processes the AppHost started (Linux only).</summary>
public static class LocalProcesses
{
    public static async Task SignalAsync(string signal, IEnumerable<int> pids)
    {
        var targets = pids.ToList();
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", .. targets.Select(p => p.ToString())])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not run kill.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await kill.WaitForExitAsync(timeout.Token);
        Assert.True(kill.ExitCode == 0, $"kill -{signal} {string.Join(' ', targets)} failed: {await kill.StandardError.ReadToEndAsync()}");
    }

    /// <summary>Direct children of <paramref name="parent"/> (e.g. the postmaster's backends and workers).</summary>
    public static IReadOnlyList<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1]) == parent)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        return children;
    }

    /// <summary>True for a <c>dotnet run</c> launcher, whose only child is the app.</summary>
    public static bool IsDotnetRun(int pid)
    {
        var args = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
        return args.Length > 1 && Path.GetFileName(args[0]) == "dotnet" && args[1] == "run";
    }

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    /// <summary>Threads and resident memory (bytes) from /proc/&lt;pid&gt;/status; -1 for a process that is gone.</summary>
    public static (int Threads, long RssBytes) Usage(int pid)
    {
        int threads = 0;
        long rss = 0;
        string[] status;
        try
        {
            status = File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (IOException)
        {
            return (-1, -1);
        }
        foreach (var line in status)
        {
            if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = int.Parse(line["Threads:".Length..].Trim());
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) * 1024;
            }
        }
        return (threads, rss);
    }
}
