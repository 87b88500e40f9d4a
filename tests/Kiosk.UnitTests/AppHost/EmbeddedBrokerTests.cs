using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Kiosk.AppHost.Kafka;

namespace Kiosk.UnitTests.AppHost;

/// <summary>The embedded broker's outage switches are turned on by the AppHost only where tests and developers need them.</summary>
public sealed class EmbeddedBrokerTests
{
    [Theory]
    [InlineData("Development", null, "true")]
    [InlineData("Production", null, null)]
    [InlineData("Production", "true", "true")]
    [InlineData("Development", "false", null)]
    public async Task The_control_switches_are_on_in_Development_and_off_elsewhere_unless_configured(string environment, string? setting, string? expected)
    {
        string[] args =
        [
            $"--environment={environment}",
            "--Parameters:staff-api-key=a-real-store-key-7f3a",
            "--Kiosk:Kafka:Mode=embedded",
            "--Kiosk:Kafka:Port=0",
            .. setting is null ? Array.Empty<string>() : [$"--Kiosk:Kafka:ControlApi={setting}"],
        ];
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Kiosk_AppHost>(args);
        var broker = builder.Resources.OfType<KafkaBrokerResource>().Single();

        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run));
        foreach (var callback in broker.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        Assert.Equal(expected, context.EnvironmentVariables.TryGetValue("Broker__ControlApi", out var value) ? value as string : null);
    }
}
