using System.Reflection;
using System.Runtime.Versioning;
using Microsoft.Extensions.Configuration;

namespace Kiosk.AppHost;

internal static class BuildOutputLaunch
{
    /// <summary>
    /// Starts every project from its build output (<c>dotnet &lt;project&gt;.dll</c>) instead of the orchestrator's
    /// <c>dotnet run --no-build</c>, which evaluates the project with MSBuild before starting it: about 3 s of CPU per
    /// process, a quarter of the whole system's start-up on a two-core machine. The build output is the same one
    /// <c>--no-build</c> would run (building the AppHost builds every project in its configuration). A project whose
    /// output is missing, a debugger session started by an IDE, and <c>dotnet watch</c> keep the default launch.
    /// </summary>
    public static void LaunchProjectsFromBuildOutput(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode
            || !string.IsNullOrEmpty(builder.Configuration["DEBUG_SESSION_PORT"])
            || builder.Configuration.GetValue<bool>("DOTNET_WATCH"))
        {
            return;
        }

        var appHost = typeof(BuildOutputLaunch).Assembly;
        var configuration = appHost.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        // Every project takes its target framework from Directory.Build.props, so the AppHost's is theirs.
        var framework = appHost.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
        if (configuration is null || framework is null)
        {
            return;
        }
        var frameworkFolder = "net" + new FrameworkName(framework).Version.ToString(2);

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var projectPath = project.GetProjectMetadata().ProjectPath;
            var projectDirectory = Path.GetDirectoryName(projectPath)!;
            var assembly = Path.Combine(
                projectDirectory, "bin", configuration, frameworkFolder, Path.GetFileNameWithoutExtension(projectPath) + ".dll");
            if (!File.Exists(assembly))
            {
                continue;
            }
            project.Annotations.Add(new ExecutableAnnotation { Command = "dotnet", WorkingDirectory = projectDirectory });
            // Added last, so the assembly goes before any argument the resource already has.
            project.Annotations.Add(new CommandLineArgsCallbackAnnotation(args => args.Insert(0, assembly)));
        }
    }
}
