using System.Reflection;
using System.Runtime.InteropServices;

namespace Kiosk.KafkaBroker.Native;

/// <summary>
/// Finds librdkafka in the package's runtimes folder. The default Linux build needs libsasl2.so.3, which
/// some distributions (Debian 12) lack, so the CentOS 8 build is tried next — as Confluent.Kafka does.
/// </summary>
internal static class NativeLibraryResolver
{
    private static readonly string[] LinuxCandidates = ["librdkafka.so", "centos8-librdkafka.so", "alpine-librdkafka.so"];

    public static void Register() => NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != "librdkafka" || !OperatingSystem.IsLinux())
        {
            return 0;
        }

        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var folder = Path.Combine(AppContext.BaseDirectory, "runtimes", $"linux-{arch}", "native");
        foreach (var file in LinuxCandidates)
        {
            var path = Path.Combine(folder, file);
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle))
            {
                return handle;
            }
        }

        // Zero falls back to the runtime's default probing (e.g. a system-wide librdkafka).
        return 0;
    }
}
