using System.Text.RegularExpressions;
using Kiosk.IntegrationTests.Flow;

namespace Kiosk.IntegrationTests.Deployment;

/// <summary>
/// A published app run as its own process (<c>dotnet Kiosk.Menu.dll</c>), the way a container or a service manager runs
/// it: no AppHost, settings from environment variables.
/// </summary>
public static partial class PublishedApp
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

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
        await ChildProcess.RunAsync($"dotnet publish {projectFolder}", "dotnet",
            ["publish", FlowDocument.RepositoryFile(projectFolder), "-c", "Release", "-o", folder, "--nologo", "-v:q"], PublishTimeout);
        return Path.Combine(folder, project + ".dll");
    }

    public static ChildProcess Run(string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment) =>
        ChildProcess.Start(Path.GetFileNameWithoutExtension(assembly), "dotnet", [assembly, .. arguments], stopSignal: "TERM",
            environment: environment);

    /// <summary>The address Kestrel reports ("Now listening on: ..."), once the app listens.</summary>
    public static async Task<Uri> ListeningAddressAsync(this ChildProcess app, TimeSpan timeout) =>
        new(await app.WaitForLineAsync(ListeningOn(), timeout));

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
