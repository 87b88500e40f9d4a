using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Kiosk.IntegrationTests.Platform;

/// <summary>Health probes reuse long-lived clients: probing often costs no threads.</summary>
[Collection(KioskCollection.Name)]
public sealed class HealthProbeTests(KioskAppFixture fixture)
{
    [Fact]
    public async Task Three_hundred_health_probes_on_the_orders_service_keep_its_thread_count_flat()
    {
        var pid = OrdersProcessId();
        using var orders = new HttpClient { BaseAddress = fixture.App.GetEndpoint("orders", "http"), Timeout = TimeSpan.FromSeconds(30) };
        for (var i = 0; i < 10; i++)
        {
            await orders.GetAsync("/health");
        }
        var before = Threads(pid);

        for (var i = 0; i < 300; i++)
        {
            var response = await orders.GetAsync("/health");
            Assert.True(response.IsSuccessStatusCode, $"Probe {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var after = Threads(pid);
        Assert.True(after <= before + 15, $"The orders process had {before} threads before 300 health probes and {after} after.");
    }

    private int OrdersProcessId()
    {
        if (fixture.App.ResourceNotifications.TryGetCurrentState("orders", out var state))
        {
            var pid = state.Snapshot.Properties.FirstOrDefault(p => p.Name.EndsWith(".pid", StringComparison.Ordinal))?.Value;
            if (pid is not null && int.TryParse(pid.ToString(), out var id))
            {
                return id;
            }
        }
        // Fallback: the process whose command line runs the orders service.
        return Directory.EnumerateDirectories("/proc")
            .Select(d => (Pid: int.TryParse(Path.GetFileName(d), out var p) ? p : 0, Dir: d))
            .Where(d => d.Pid > 0)
            .Single(d => ReadCommandLine(d.Dir).Contains("Kiosk.Orders", StringComparison.Ordinal)
                         && !ReadCommandLine(d.Dir).Contains("dotnet-ef", StringComparison.Ordinal)).Pid;
    }

    private static string ReadCommandLine(string procDir)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procDir, "cmdline"));
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static int Threads(int pid) =>
        int.Parse(File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("Threads:", StringComparison.Ordinal))["Threads:".Length..].Trim());
}
