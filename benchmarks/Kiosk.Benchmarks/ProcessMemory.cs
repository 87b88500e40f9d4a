using System.Globalization;

namespace Kiosk.Benchmarks;

/// <summary>A process's resident memory; <see cref="AnonMiB"/> is the part not backed by files (heaps, stacks, JIT code).</summary>
/// <see cref="PssMiB"/> shares each page among the processes mapping it (the runtime's files are mapped by every .NET process).
public sealed record MemoryRow(
    string Resource, int Pid, string Process, double RssMiB, double PeakRssMiB, double AnonMiB = double.NaN, double PssMiB = double.NaN);

/// <summary>Resident memory of the Kiosk processes, read from /proc (Linux only).</summary>
public static class ProcessMemory
{
    /// <summary>The Kiosk resources that run as processes of their own, in the order they are reported.</summary>
    public static readonly string[] KnownProcesses = ["postgres", "kafka", "menu", "cart", "orders", "payments", "web", "gateway"];

    internal sealed record ProcessInfo(int Pid, int ParentPid, string[] Argv);
    private static readonly string[] SocketTables = ["/proc/net/tcp", "/proc/net/tcp6"];

    /// <summary>Rows for known root processes, e.g. the pids the orchestrator reports (often a `dotnet run` wrapper).</summary>
    public static List<MemoryRow> ForResources(IEnumerable<(string Resource, int Pid)> roots)
    {
        var table = ReadProcessTable();
        var rows = new List<MemoryRow>();
        foreach (var (resource, pid) in roots)
        {
            // The reported pid may be `dotnet run`; the service is the first real program below it.
            var service = SelfAndDescendants(table, pid).FirstOrDefault(p => ServiceName(p, table) is not null);
            if (service is not null && ReadRow(resource, service) is { } row)
            {
                rows.Add(row);
            }
        }
        return rows;
    }

    /// <summary>Rows for processes known by pid (e.g. the Node peer's run/pids), each counted alone.</summary>
    public static List<MemoryRow> ForProcesses(IEnumerable<(string Name, int Pid)> processes)
    {
        var table = ReadProcessTable();
        return [.. processes
            .Select(p => table.TryGetValue(p.Pid, out var info) ? ReadRow(p.Name, info) : null)
            .OfType<MemoryRow>()];
    }

    /// <summary>Rows for every Kiosk process of the system that listens on <paramref name="port"/>.</summary>
    /// <remarks>Several copies of the system may run at once (tests), so the names alone are ambiguous: the listening
    /// socket leads to the orchestrator of this copy, and only its descendants are counted.</remarks>
    public static List<MemoryRow> ForSystemListeningOn(int port)
    {
        var table = ReadProcessTable();
        if (ListeningProcess(port) is not { } owner)
        {
            Report.Progress($"memory: no process visible to this user listens on port {port}; skipped");
            return [];
        }
        var root = owner;
        for (var current = owner; table.TryGetValue(current, out var info) && current > 1; current = info.ParentPid)
        {
            if (ProgramName(info.Argv) == "dcp")
            {
                root = current;
                break;
            }
        }
        return [.. SelfAndDescendants(table, root)
            .Select(p => ServiceName(p, table) is { } name ? ReadRow(name, p) : null)
            .OfType<MemoryRow>()
            .OrderBy(r => Array.IndexOf(KnownProcesses, r.Resource) is var i and >= 0 ? i : int.MaxValue)];
    }

    internal static Dictionary<int, ProcessInfo> ReadProcessTable()
    {
        var table = new Dictionary<int, ProcessInfo>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so parse after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parentPid = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                var argv = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
                table[pid] = new ProcessInfo(pid, parentPid, argv);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }
        return table;
    }

    internal static IEnumerable<ProcessInfo> SelfAndDescendants(Dictionary<int, ProcessInfo> table, int pid)
    {
        var queue = new Queue<int>([pid]);
        while (queue.TryDequeue(out var current))
        {
            if (table.TryGetValue(current, out var info))
            {
                yield return info;
            }
            foreach (var child in table.Values.Where(p => p.ParentPid == current).OrderBy(p => p.Pid))
            {
                queue.Enqueue(child.Pid);
            }
        }
    }

    /// <summary>"menu" for Kiosk.Menu (apphost or dotnet Kiosk.Menu.dll), "kafka" for the broker, "postgres" for the server; null otherwise.</summary>
    private static string? ServiceName(ProcessInfo process, Dictionary<int, ProcessInfo> table) =>
        ProgramName(process.Argv) switch
        {
            "Kiosk.KafkaBroker" => "kafka",
            "postgres" when !(table.TryGetValue(process.ParentPid, out var parent) && ProgramName(parent.Argv) == "postgres") => "postgres",
            { } name when name.StartsWith("Kiosk.", StringComparison.Ordinal) => name["Kiosk.".Length..].ToLowerInvariant(),
            _ => null,
        };

    private static string? ProgramName(string[] argv)
    {
        if (argv.Length == 0)
        {
            return null;
        }
        var program = Path.GetFileName(argv[0]);
        if (program != "dotnet")
        {
            return program;
        }
        // `dotnet run ...` is only the wrapper that builds the command line; `dotnet X.dll` is the program X.
        return argv.Length > 1 && argv[1] == "run" ? null : argv.Skip(1).FirstOrDefault(a => a.EndsWith(".dll", StringComparison.Ordinal)) is { } dll
            ? Path.GetFileNameWithoutExtension(dll)
            : null;
    }

    private static MemoryRow? ReadRow(string resource, ProcessInfo process)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{process.Pid}/status");
            return new MemoryRow(resource, process.Pid, ProgramName(process.Argv) ?? "?", KiB(status, "VmRSS:") / 1024, KiB(status, "VmHWM:") / 1024,
                KiB(status, "RssAnon:") / 1024, Pss(process.Pid));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static double Pss(int pid)
    {
        try
        {
            return KiB(File.ReadAllLines($"/proc/{pid}/smaps_rollup"), "Pss:") / 1024;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }

    private static double KiB(string[] status, string field) =>
        status.Where(l => l.StartsWith(field, StringComparison.Ordinal))
            .Select(l => double.Parse(l[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
            .FirstOrDefault();

    /// <summary>The process owning a listening TCP socket on <paramref name="port"/> (IPv4 or IPv6), via socket inodes.</summary>
    private static int? ListeningProcess(int port)
    {
        var inodes = SocketTables
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            // Columns: sl local_address rem_address st ... inode(9); st 0A = LISTEN; the port is the hex after ':'.
            .Where(f => f.Length > 9 && f[3] == "0A" && f[1].EndsWith(":" + port.ToString("X4", CultureInfo.InvariantCulture), StringComparison.Ordinal))
            .Select(f => $"socket:[{f[9]}]")
            .ToHashSet();
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                if (Directory.EnumerateFiles(Path.Combine(dir, "fd")).Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)))
                {
                    return int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Ended, or not ours to inspect.
            }
        }
        return null;
    }
}
