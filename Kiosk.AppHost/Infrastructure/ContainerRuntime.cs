using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Kiosk.AppHost.Infrastructure;

/// <summary>
/// Whether a container runtime answers. Asked once per process so every infrastructure resource
/// makes the same container-or-local choice.
/// </summary>
public static class ContainerRuntime
{
    /// <summary>Same setting Aspire uses to pick the runtime (docker or podman).</summary>
    public const string RuntimeSetting = "ASPIRE_CONTAINER_RUNTIME";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private static readonly ConcurrentDictionary<string, Lazy<bool>> Answers = new();

    /// <summary>
    /// True when <c>&lt;runtime&gt; info --format {{.ServerVersion}}</c> reports a server version within 2 s;
    /// the runtime is <c>ASPIRE_CONTAINER_RUNTIME</c> when set, else docker.
    /// </summary>
    public static bool IsAvailable(IConfiguration config)
    {
        var runtime = config[RuntimeSetting] is { Length: > 0 } configured ? configured : "docker";
        return Answers.GetOrAdd(runtime, r => new Lazy<bool>(() => Probe(r))).Value;
    }

    private static bool Probe(string runtime)
    {
        var start = new ProcessStartInfo(runtime)
        {
            ArgumentList = { "info", "--format", "{{.ServerVersion}}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(ProbeTimeout))
            {
                // A daemon that hangs is as good as absent; do not leave the probe behind.
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0 && output.Wait(ProbeTimeout) && output.Result.Trim().Length > 0;
        }
        catch (Win32Exception)
        {
            // The runtime's CLI is not installed.
            return false;
        }
    }
}
