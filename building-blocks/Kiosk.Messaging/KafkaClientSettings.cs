using System.Text.RegularExpressions;

namespace Kiosk.Messaging;

/// <summary>
/// Settings for one Kafka client: bootstrap servers from <c>ConnectionStrings:{name}</c>, and any librdkafka setting
/// from <c>Kafka:Producer:Config</c> / <c>Kafka:Consumer:Config</c> (e.g. <c>linger.ms</c>), so tuning for a given
/// broker is configuration, not code.
/// </summary>
public sealed partial class KafkaClientSettings
{
    public string? BootstrapServers { get; set; }

    public Dictionary<string, string> Config { get; set; } = [];

    public bool DisableHealthChecks { get; set; }

    /// <summary>Leaves the publish and process spans out of OpenTelemetry's traces.</summary>
    public bool DisableTracing { get; set; }

    /// <summary>Leaves the client's meter out of OpenTelemetry's metrics.</summary>
    public bool DisableMetrics { get; set; }

    /// <summary>Throws a message that names the setting to fix, so a bad connection string stops start-up at once.</summary>
    public void Validate(string connectionName)
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            throw new InvalidOperationException(
                $"Kafka connection '{connectionName}' has no bootstrap servers: set ConnectionStrings:{connectionName} " +
                "to 'host:port[,host:port…]' (the AppHost does this when the project references the kafka resource).");
        }

        foreach (var server in BootstrapServers.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!HostAndPort().IsMatch(server))
            {
                throw new InvalidOperationException(
                    $"Kafka connection '{connectionName}' is not valid: '{server}' in ConnectionStrings:{connectionName} " +
                    "is not a 'host:port' bootstrap server (expected e.g. 'localhost:9092').");
            }
        }
    }

    [GeneratedRegex(@"^(?:[A-Za-z]+://)?[A-Za-z0-9._\-\[\]:]+:\d{1,5}$")]
    private static partial Regex HostAndPort();
}
