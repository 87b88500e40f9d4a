using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Kiosk.Benchmarks;

/// <summary>
/// The original Node services (seed-node: menu, cart, order, payment on a mock broker), started with their own run.sh on
/// free ports and measured with their own bench.js, so the peer is driven exactly as its authors measured it.
/// </summary>
/// <param name="directory">A writable copy of seed-node with node_modules installed (see benchmarks/prepare-peer.sh).</param>
public sealed class NodePeer(string directory, Options options)
{
    private static readonly string[] Services = ["menu", "cart", "order", "payment"];
    private static readonly string[] Ports = ["kafka", .. Services];
    private readonly Dictionary<string, int> _ports = [];

    public async Task<SystemResult> MeasureAsync()
    {
        foreach (var name in Ports)
        {
            _ports[name] = FreePort();
        }
        Report.Progress($"node: starting the peer in {directory} (consumers' fetch wait capped at {options.PeerMaxWaitMs} ms)");
        var startup = Stopwatch.StartNew();
        await RunAsync(Path.Combine(directory, "run.sh"), [], TimeSpan.FromMinutes(3));
        var startupSeconds = startup.Elapsed.TotalSeconds;
        try
        {
            var menu = await Scenarios.MenuReadsAsync("node menu service (no gateway)", Url("menu"), "/categories", options);
            var runs = new List<OrderRun>();
            foreach (var kiosks in options.KioskCounts)
            {
                var count = options.OrdersAt(kiosks);
                Report.Progress($"node: {count} orders on {kiosks} kiosk(s)");
                var cpuBefore = await ReadCpuAsync();
                var run = await BenchAsync(kiosks, count);
                runs.Add(run with { CpuSeconds = ProcessCpu.Used(cpuBefore, await ReadCpuAsync()) });
            }
            Report.Progress($"node: idle for {Options.IdleSeconds} s, reading CPU");
            var pids = await ReadPidsAsync();
            var idle = await ProcessCpu.IdleShareAsync(() => ProcessCpu.Seconds(pids, withLoadGenerator: false), TimeSpan.FromSeconds(Options.IdleSeconds));
            var memory = ProcessMemory.ForProcesses(pids);
            return new SystemResult("Node peer", startupSeconds, runs, [menu], memory) { IdleCpuShare = idle };
        }
        finally
        {
            Report.Progress("node: stopping the peer ...");
            await RunAsync(Path.Combine(directory, "stop.sh"), [], TimeSpan.FromMinutes(1));
        }
    }

    /// <summary>bench.js in its concurrent mode (it audits every order), K kiosks, N orders in all.</summary>
    private async Task<OrderRun> BenchAsync(int kiosks, int count)
    {
        var json = Path.Combine(directory, "run", $"bench-{kiosks}.json");
        await RunAsync("node", ["bench.js", "--mode", "conc", "--orders", $"{count}", "--kiosks", $"{kiosks}",
            "--poll", $"{KioskApi.PollInterval.TotalMilliseconds:0}", "--json", json], TimeSpan.FromMinutes(10));
        var conc = JsonNode.Parse(await File.ReadAllTextAsync(json))!["conc"]!;
        var audit = conc["audit"]!;
        var records = conc["records"]!.AsArray().Where(r => r!["ok"]?.GetValue<bool>() == true).ToList();
        int Count(string name) => audit[name]?.GetValue<int>() ?? 0;
        Percentiles Of(string metric) => Percentiles.Of(records.Select(r => r![metric]!.GetValue<double>()));

        var attempted = Count("orders_attempted");
        var completed = Count("completed_ok");
        var correct = Math.Min(completed, Count("attempts_exactly_own_items_once"));
        return new OrderRun(
            kiosks, attempted, completed, correct,
            Wrong: completed - correct,
            Lost: Count("items_in_no_checkout_and_gone") + (attempted - completed),
            Doubled: Count("items_in_2plus_checkouts") + Count("db_orders_paid_twice"),
            WallSeconds: conc["wall_ms"]!.GetValue<double>() / 1000,
            Of("whole"), Of("co_to_visible"), Of("pay_http"), Of("pay_to_paid"),
            records.Sum(r => r!["not_found_retries"]!.GetValue<int>()));
    }

    /// <summary>The peer's processes and the load generator (bench.js is this program's child: its time is ours once it ended).</summary>
    private async Task<Dictionary<string, double>> ReadCpuAsync() => ProcessCpu.Seconds(await ReadPidsAsync(), withLoadGenerator: true);

    private Uri Url(string service) => new($"http://127.0.0.1:{_ports[service]}");

    private async Task<List<(string Name, int Pid)>> ReadPidsAsync()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(directory, "run", "pids"));
        return [.. lines.Select(l => l.Split(' ')).Where(f => f.Length == 2).Select(f => (f[0], int.Parse(f[1], CultureInfo.InvariantCulture)))];
    }

    private async Task RunAsync(string program, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["SEEDPEER_MAX_WAIT_MS"] = $"{options.PeerMaxWaitMs}";
        start.Environment["KAFKA_PORT"] = $"{_ports["kafka"]}";
        foreach (var service in Services)
        {
            start.Environment[$"{service.ToUpperInvariant()}_PORT"] = $"{_ports[service]}";
            start.Environment[$"{service.ToUpperInvariant()}_URL"] = Url(service).ToString().TrimEnd('/');
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout.TotalMinutes} min.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
