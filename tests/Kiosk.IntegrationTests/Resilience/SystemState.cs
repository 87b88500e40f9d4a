using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Npgsql;

namespace Kiosk.IntegrationTests.Resilience;

/// <summary>Which processes the AppHost runs, whether they are still the same ones, and whether every resource is healthy.</summary>
public sealed class SystemState(KioskAppFixture fixture)
{
    public static readonly TimeSpan RecoveryPatience = TimeSpan.FromSeconds(90);

    /// <summary>Resources that run a process of their own (the databases are names on the one server).</summary>
    public static IReadOnlyList<string> ProcessResources { get; } = ["postgres", "kafka", "menu", "cart", "orders", "payments", "web", "gateway"];

    public static IReadOnlyList<string> ServiceResources { get; } = ["menu", "cart", "orders", "payments", "web", "gateway"];

    /// <summary>The process that does the resource's work: for a project, the app itself, not the <c>dotnet run</c> that started it.</summary>
    public int Pid(string resource)
    {
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(resource, out var state) && state is not null,
            $"The AppHost reports no state for {resource}.");
        var value = state.Snapshot.Properties.FirstOrDefault(p => p.Name is "executable.pid" or "project.pid")?.Value?.ToString();
        Assert.True(int.TryParse(value, out var pid), $"{resource} has no process id (state {state.Snapshot.State?.Text}).");
        return LocalProcesses.IsDotnetRun(pid) ? LocalProcesses.ChildrenOf(pid).Single() : pid;
    }

    public Dictionary<string, int> Pids() => ProcessResources.ToDictionary(r => r, Pid);

    /// <summary>Every process is the one that was running before: none exited (and none was restarted).</summary>
    public void AssertNoneExited(IReadOnlyDictionary<string, int> before, params string[] except)
    {
        var exited = before.Where(p => !except.Contains(p.Key) && !LocalProcesses.IsAlive(p.Value))
            .Select(p => $"{p.Key} (pid {p.Value})").ToList();
        Assert.True(exited.Count == 0, $"These processes exited during the fault: {string.Join(", ", exited)}.");
    }

    /// <summary>
    /// Starts again any service an earlier fault left exited, and restarts one that stays unhealthy, so each test begins
    /// on a whole system and one product failure does not cascade into the next test.
    /// </summary>
    public async Task RestartExitedAsync()
    {
        foreach (var service in ProcessResources.Except(["postgres", "kafka"]))
        {
            if (fixture.App.ResourceNotifications.TryGetCurrentState(service, out var state)
                && state?.Snapshot.State?.Text is { } text
                && (text == KnownResourceStates.Exited || text == KnownResourceStates.Finished || text == KnownResourceStates.FailedToStart))
            {
                await fixture.StartAsync(service);
            }
            else if (!await AnswersHealthAsync(service, TimeSpan.FromSeconds(30)))
            {
                await fixture.StopAsync(service);
                await fixture.StartAsync(service);
            }
        }
        await WaitAllHealthyAsync();
    }

    private async Task<bool> AnswersHealthAsync(string service, TimeSpan patience)
    {
        using var client = fixture.App.CreateHttpClient(service, "http");
        client.Timeout = TimeSpan.FromSeconds(10);
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(500);
        }
        return false;
    }

    /// <summary>Waits until every resource reports Healthy and every service answers its own /health with 200.</summary>
    public async Task WaitAllHealthyAsync()
    {
        foreach (var resource in KioskAppFixture.ResourceNames)
        {
            await Eventually.TrueAsync(() => Task.FromResult(
                    fixture.App.ResourceNotifications.TryGetCurrentState(resource, out var state)
                    && state?.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy),
                RecoveryPatience, $"{resource} to be reported healthy again");
        }

        foreach (var service in ServiceResources)
        {
            using var client = fixture.App.CreateHttpClient(service, "http");
            client.Timeout = TimeSpan.FromSeconds(10);
            await Eventually.TrueAsync(async () =>
            {
                try
                {
                    return (await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, RecoveryPatience, $"{service} to answer /health with 200");
        }

        using var control = new HttpClient { BaseAddress = fixture.KafkaControlUrl, Timeout = TimeSpan.FromSeconds(10) };
        await Eventually.TrueAsync(async () => (await control.GetAsync("/health")).IsSuccessStatusCode,
            RecoveryPatience, "the broker to answer /health");
        await using var db = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("ordersdb"));
        await db.OpenAsync();
    }
}
