using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace Kiosk.IntegrationTests.Platform;

/// <summary>How the AppHost starts the apps: from their build output, with no proxy in front of a single copy.</summary>
[Collection(KioskCollection.Name)]
public sealed class AppLaunchTests(KioskAppFixture fixture)
{
    private static readonly string[] Apps = ["kafka", "menu", "cart", "orders", "payments", "web", "gateway"];

    [Fact]
    public void Every_app_runs_as_dotnet_with_its_built_assembly_not_through_dotnet_run()
    {
        foreach (var app in Apps)
        {
            Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(app, out var state) && state is not null,
                $"The AppHost reports no state for {app}.");
            var pid = state.Snapshot.Properties.FirstOrDefault(p => p.Name is "executable.pid" or "project.pid")?.Value?.ToString();
            Assert.True(int.TryParse(pid, out var id), $"{app} has no process id.");

            var commandLine = File.ReadAllText($"/proc/{id}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(commandLine.Length >= 2 && Path.GetFileName(commandLine[0]) == "dotnet"
                && commandLine[1].EndsWith(".dll", StringComparison.Ordinal) && File.Exists(commandLine[1]),
                $"{app} runs as '{string.Join(' ', commandLine)}', not as dotnet with its built assembly.");
        }
    }

    [Fact]
    public void A_single_copy_app_listens_on_the_port_its_clients_are_given()
    {
        // Without the orchestrator's proxy, the address in service discovery is the app's own socket: the process that
        // listens on the menu's port is the menu service itself.
        var port = fixture.App.GetEndpoint("menu", "http").Port;
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState("menu", out var state) && state is not null);
        var pid = int.Parse(state.Snapshot.Properties.First(p => p.Name is "executable.pid" or "project.pid").Value!.ToString()!);

        var listeningInodes = File.ReadLines("/proc/net/tcp").Concat(File.ReadLines("/proc/net/tcp6")).Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            // local_address is "ADDR:PORT" in hex; state 0A is LISTEN; the inode is the 10th field.
            .Where(f => f.Length > 9 && f[3] == "0A" && Convert.ToInt32(f[1].Split(':')[1], 16) == port)
            .Select(f => f[9])
            .ToHashSet();
        var menuSockets = Directory.EnumerateFiles($"/proc/{pid}/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .Where(target => target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            .Select(target => target!["socket:[".Length..^1])
            .ToHashSet();
        Assert.True(listeningInodes.Count > 0, $"Nothing listens on the menu's port {port}.");
        Assert.True(listeningInodes.Overlaps(menuSockets), $"Port {port} is not the menu service's own (process {pid}): a proxy holds it.");
    }
}
