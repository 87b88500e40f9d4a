using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Kiosk.IntegrationTests.Flow;

namespace Kiosk.IntegrationTests.Deployment;

/// <summary>
/// A published app run as its own process (<c>dotnet Kiosk.Menu.dll</c>), the way a container or a service manager runs
/// it: no AppHost, settings from environment variables. Its output is kept for failure messages; disposing kills it.
/// </summary>
public sealed partial class PublishedApp : IAsyncDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PublishedApp(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// The app's main assembly in artifacts/publish/&lt;project&gt; (what CI publishes); when that folder is absent, the
    /// app is published into a temporary folder first.
    /// </summary>
    public static async Task<string> FindOrPublishAsync(string project, string projectFolder)
    {
        var published = FlowDocument.RepositoryFile(Path.Combine("artifacts", "publish", project, project + ".dll"));
        if (File.Exists(published))
        {
            return published;
        }
        var folder = Path.Combine(Path.GetTempPath(), "kiosk-publish-" + Guid.NewGuid().ToString("N")[..12]);
        await using var publish = Start("dotnet",
            ["publish", FlowDocument.RepositoryFile(projectFolder), "-c", "Release", "-o", folder, "--nologo", "-v:q"],
            new Dictionary<string, string>());
        var exitCode = await publish.WaitForExitAsync(PublishTimeout);
        Assert.True(exitCode == 0, $"dotnet publish {projectFolder} exited with {exitCode}:\n{publish.Output}");
        return Path.Combine(folder, project + ".dll");
    }

    public static PublishedApp Run(string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment) =>
        Start("dotnet", [assembly, .. arguments], environment);

    private static PublishedApp Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start };
        var app = new PublishedApp(process);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>The exit code, or a failure (with the output) when the process is still running after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{string.Join(' ', _process.StartInfo.ArgumentList)} still running after {timeout.TotalSeconds:0} s. Output:\n{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>The address Kestrel reports ("Now listening on: ..."), once it listens.</summary>
    public async Task<Uri> ListeningAddressAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (ListeningOn().Match(Output) is { Success: true } listening)
            {
                return new Uri(listening.Groups["url"].Value);
            }
            Assert.False(_process.HasExited, $"The app exited with {(_process.HasExited ? _process.ExitCode : 0)} before listening. Output:\n{Output}");
            await Task.Delay(100);
        }
        Assert.Fail($"The app did not listen within {timeout.TotalSeconds:0} s. Output:\n{Output}");
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(cancel.Token);
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningOn();
}
