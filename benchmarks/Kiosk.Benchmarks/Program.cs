using System.Reflection;
using Kiosk.Benchmarks;

if (args is ["-h"] or ["--help"])
{
    Console.WriteLine(Options.Usage);
    return 0;
}

Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

// The two systems never run at the same time: on two cores each would measure the other.
var node = options.PeerDirectory is { } peer ? await new NodePeer(peer, options).MeasureAsync() : null;
var kiosk = await MeasureKioskAsync(options);
if (kiosk is null)
{
    return 3;
}

var configuration = typeof(Options).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "?";
var report = new BenchmarkReport(DateTimeOffset.UtcNow, Environment.ProcessorCount, configuration, kiosk, node) { KioskOrderWait = options.OrderWait };
Console.WriteLine(Report.ToText(report));
if (kiosk.Hops is { } hops)
{
    Console.WriteLine(HopProfile.ToText(hops));
}
if (kiosk.CheckoutToVisibleByOrder is { Count: > 0 } slowest)
{
    Console.WriteLine(SlowestOrders.ToText(slowest));
}
if (kiosk.Floors is { } floors)
{
    Console.WriteLine(FloorProbe.ToText(floors));
}
if (options.JsonPath is { } path)
{
    await Report.WriteJsonAsync(report, path);
    Report.Progress($"results written to {path}");
}
return kiosk.Orders.Any(r => r.Wrong + r.Lost + r.Doubled > 0) ? 1 : 0;

static async Task<SystemResult?> MeasureKioskAsync(Options options)
{
    StartedAppHost? started = null;
    try
    {
        Uri gateway;
        Uri? menuService = options.MenuUrl;
        if (options.Url is { } url)
        {
            gateway = url;
        }
        else
        {
            Report.Progress("kiosk: starting the AppHost (free ports, temporary database) ...");
            if (options.ServiceLogLevel is { } level)
            {
                // The orchestrator's processes inherit this process's environment.
                Environment.SetEnvironmentVariable("Logging__LogLevel__Default", level);
                Report.Progress($"kiosk: experiment: every process logs at {level} and above");
            }
            // Disposed in the finally below, whatever happens after this line.
#pragma warning disable CA2000
            started = new StartedAppHost(options.StaffKey);
#pragma warning restore CA2000
            await started.StartAsync();
            gateway = started.GatewayUrl;
            menuService = started.MenuUrl;
            Report.Progress($"kiosk: ready after {started.StartupTime.TotalSeconds:0.0} s; gateway {gateway}");
            Report.Progress("kiosk: healthy (/health 200) after, s: " + string.Join(", ", started.Startup
                .OrderBy(s => s.ReadySeconds ?? s.HealthySeconds)
                .Select(s => FormattableString.Invariant($"{s.Resource} {s.HealthySeconds:0.0}{(s.ReadySeconds is { } r ? $" ({r:0.0})" : "")}"))));
        }

        using var api = new KioskApi(gateway, options.StaffKey, options.OrderWait);
        if (!await api.AnswersAsync())
        {
            Console.Error.WriteLine($"Nothing answers GET {gateway}api/menu/categories. Start the system first: dotnet run --project Kiosk.AppHost");
            return null;
        }

        Report.Progress($"kiosk: menu reads, {options.MenuRequests} requests, {options.MenuConcurrency} concurrent");
        var menu = new List<MenuRun> { await Scenarios.MenuReadsAsync("kiosk through the gateway", gateway, "/api/menu/categories", options) };
        if (menuService is not null)
        {
            menu.Add(await Scenarios.MenuReadsAsync("kiosk menu service direct", menuService, "/api/menu/categories", options));
        }
        GatewayHop? gatewayHop = null;
        GatewayHop? forwardedHop = null;
        if (menuService is not null)
        {
            Report.Progress("kiosk: gateway hop, menu reads one at a time, alternately through the gateway and direct");
            gatewayHop = await Scenarios.GatewayHopAsync(gateway, menuService, "/api/menu/categories", 1000);
            forwardedHop = await Scenarios.GatewayHopAsync(gateway, menuService, "/api/menu/categories", 1000, options.StaffKey);
        }
        var scenarios = new Scenarios(api, options, started is null ? null : () => ProcessCpu.Seconds(started.ProcessIds(), withLoadGenerator: true));
        var orders = await scenarios.OrderRunsAsync();
        var gatewayRequests = api.Timings.Summary();
        List<HopRow>? hops = null;
        List<OrderBreakdown>? slowest = null;
        var databases = started is null ? null : await started.DatabaseConnectionStringsAsync();
        if (started is not null && scenarios.ProfiledRun is { } window)
        {
            var direct = await scenarios.DirectRequestsAsync(started.ServiceUrl("cart"), started.ServiceUrl("payments"), Math.Min(options.Orders, 30));
            hops = [.. HopProfile.Requests(gatewayRequests, direct.Gateway, direct.Direct),
                .. await HopProfile.ReadMessagingAsync(databases!, window.From, window.To)];
            slowest = await SlowestOrders.ReadAsync(databases!["ordersdb"], [.. scenarios.ProfiledOrders]);
        }
        Floors? floors = null;
        if (started is not null && forwardedHop is not null)
        {
            Report.Progress("kiosk: floors: PostgreSQL round trip and commit, the broker's round trip, one at a time");
            floors = await FloorProbe.MeasureAsync(databases!["paymentsdb"],
                await started.KafkaBootstrapAsync(), forwardedHop.Gateway.P50, samples: 500);
        }
        Dictionary<string, double>? idle = null;
        if (started is not null)
        {
            Report.Progress($"kiosk: idle for {Options.IdleSeconds} s, reading CPU");
            idle = await ProcessCpu.IdleShareAsync(() => ProcessCpu.Seconds(started.ProcessIds(), withLoadGenerator: false),
                TimeSpan.FromSeconds(Options.IdleSeconds));
        }
        var webPid = () => (started is not null ? ProcessMemory.ForResources(started.ProcessIds()) : ProcessMemory.ForSystemListeningOn(gateway.Port))
            .FirstOrDefault(r => r.Resource == "web")?.Pid;
        foreach (var line in options.Live ? await new LiveStreamScenarios(api, options, webPid).RunAllAsync() : [])
        {
            Report.Progress($"kiosk: {line}");
        }

        Report.Progress("kiosk: reading process memory ...");
        var memory = started is not null
            ? ProcessMemory.ForResources(started.ProcessIds())
            : ProcessMemory.ForSystemListeningOn(gateway.Port);
        return new SystemResult("Kiosk", started?.StartupTime.TotalSeconds, orders, menu, memory)
        {
            Hops = hops, CheckoutToVisibleByOrder = slowest, GatewayHop = gatewayHop, ForwardedHop = forwardedHop, IdleCpuShare = idle, Floors = floors,
        };
    }
    finally
    {
        if (started is not null)
        {
            Report.Progress("kiosk: stopping the AppHost ...");
            await started.DisposeAsync();
        }
    }
}
