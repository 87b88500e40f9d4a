using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Kiosk.UnitTests.Deployment;

/// <summary>deploy/aspire-manifest.json is what the AppHost's publish mode writes today (deploy/generate.sh).</summary>
public sealed class ManifestTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly string _output = Directory.CreateTempSubdirectory("kiosk-manifest-").FullName;

    [Fact]
    public async Task The_checked_in_manifest_is_what_the_AppHost_publishes_now()
    {
        var root = RepositoryRoot();
        var checkedIn = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "deploy", "aspire-manifest.json")))!;

        var generated = await PublishAsync(root);

        // Project paths are written relative to the output file: compare them as if it had been written to deploy/.
        foreach (var resource in generated["resources"]!.AsObject())
        {
            if (resource.Value?["path"] is JsonValue path)
            {
                var full = Path.GetFullPath(Path.Combine(_output, path.GetValue<string>()));
                resource.Value["path"] = Path.GetRelativePath(Path.Combine(root, "deploy"), full).Replace('\\', '/');
            }
        }
        Assert.True(JsonNode.DeepEquals(checkedIn, generated),
            "deploy/aspire-manifest.json is stale: run deploy/generate.sh and commit the result. Generated now:\n" + generated.ToJsonString());
    }

    [Fact]
    public async Task The_manifest_has_no_infrastructure_of_its_own_and_no_secret_values()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "aspire-manifest.json")))!;
        var resources = manifest["resources"]!.AsObject();

        // Kafka and every database come from the deployment, as secret connection strings; no container or broker project.
        foreach (var name in new[] { "kafka", "menudb", "cartdb", "ordersdb", "paymentsdb", "webdb", "staff-api-key" })
        {
            var resource = resources[name]!;
            Assert.Equal("parameter.v0", resource["type"]!.GetValue<string>());
            Assert.True(resource["inputs"]!["value"]!["secret"]!.GetValue<bool>(), $"{name} is not secret");
            Assert.Null(resource["inputs"]!["value"]!["default"]);
        }
        Assert.DoesNotContain(resources, r => r.Value!["type"]!.GetValue<string>() == "container.v0");
        Assert.Equal(
            ["cart", "gateway", "menu", "orders", "payments", "web"],
            resources.Where(r => r.Value!["type"]!.GetValue<string>() == "project.v0").Select(r => r.Key).Order());

        // The development staff key and crew PIN are not written into the file.
        var text = manifest.ToJsonString();
        Assert.DoesNotContain("kiosk-dev-staff-key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DevManagerPin", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Development", text, StringComparison.Ordinal);
    }

    private async Task<JsonNode> PublishAsync(string root)
    {
        var output = Path.Combine(_output, "aspire-manifest.json");
        var configuration = typeof(ManifestTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The command of deploy/generate.sh, on the AppHost this test run has built.
        foreach (var argument in new[] { "run", "--project", "Kiosk.AppHost", "--no-launch-profile", "--no-build", "-c", configuration, "--",
                     "--publisher", "manifest", "--output-path", output, "--environment", "Production" })
        {
            start.ArgumentList.Add(argument);
        }
        // Settings of the machine running the test must not leak into the manifest.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Kiosk__", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("Parameters__", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The AppHost did not publish its manifest within {Patience}.");
        }
        Assert.True(process.ExitCode == 0 && File.Exists(output),
            $"The AppHost's publish mode failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        return JsonNode.Parse(await File.ReadAllTextAsync(output))!;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kiosk.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Kiosk.sln above {AppContext.BaseDirectory}.");
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}
