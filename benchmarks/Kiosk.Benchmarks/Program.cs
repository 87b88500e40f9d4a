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

StartedAppHost? started = null;
try
{
    Uri gateway;
    if (options.Url is { } url)
    {
        gateway = url;
    }
    else
    {
        Report.Progress("starting the AppHost (free ports, temporary database) ...");
        // Disposed in the finally below, whatever happens after this line.
#pragma warning disable CA2000
        started = new StartedAppHost(options.StaffKey);
#pragma warning restore CA2000
        await started.StartAsync();
        gateway = started.GatewayUrl;
        Report.Progress($"ready after {started.StartupTime.TotalSeconds:0.0} s; gateway {gateway}");
    }

    using var api = new KioskApi(gateway, options.StaffKey);
    if (!await api.AnswersAsync())
    {
        Console.Error.WriteLine($"Nothing answers GET {gateway}api/menu/categories. Start the system first: dotnet run --project Kiosk.AppHost");
        return 3;
    }
    var results = await new Scenarios(api, options).RunAllAsync();
    results.AddRange(await new LiveStreamScenarios(api, options).RunAllAsync());

    Report.Progress("reading process memory ...");
    var memory = started is not null
        ? ProcessMemory.ForResources(started.ProcessIds())
        : ProcessMemory.ForSystemListeningOn(gateway.Port);

    var report = new BenchmarkReport(
        started is null ? "running system" : "started AppHost",
        gateway.ToString(),
        DateTimeOffset.UtcNow,
        Environment.ProcessorCount,
        started?.StartupTime.TotalSeconds,
        started?.Startup ?? [],
        results,
        memory);
    Console.WriteLine(Report.ToText(report));
    if (options.JsonPath is { } path)
    {
        await Report.WriteJsonAsync(report, path);
        Report.Progress($"results written to {path}");
    }
    return results.Any(r => r.Errors > 0) ? 1 : 0;
}
finally
{
    if (started is not null)
    {
        Report.Progress("stopping the AppHost ...");
        await started.DisposeAsync();
    }
}
