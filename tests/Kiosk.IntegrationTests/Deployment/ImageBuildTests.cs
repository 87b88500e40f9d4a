using Kiosk.IntegrationTests.Flow;

namespace Kiosk.IntegrationTests.Deployment;

/// <summary>What a publish compiles, read from MSBuild's own evaluation of a deployable app.</summary>
public sealed class ImageBuildTests
{
    private static readonly TimeSpan EvaluationTimeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("linux-x64", "true")]
    [InlineData("linux-arm64", "true")]
    [InlineData(null, "")]
    public async Task A_publish_for_one_platform_is_ReadyToRun_and_the_platform_neutral_publish_is_not(string? runtime, string expected)
    {
        string[] args =
        [
            "msbuild", FlowDocument.RepositoryFile(Path.Combine("services", "Kiosk.Menu", "Kiosk.Menu.csproj")),
            "-getProperty:PublishReadyToRun", "-p:Configuration=Release", "-nologo",
            .. runtime is null ? Array.Empty<string>() : [$"-p:RuntimeIdentifier={runtime}"],
        ];
        await using var evaluation = ChildProcess.Start("msbuild -getProperty", "dotnet", args, stopSignal: "TERM");

        Assert.Equal(0, await evaluation.WaitForExitAsync(EvaluationTimeout));
        Assert.Equal(expected, evaluation.Text.Trim());
    }
}
