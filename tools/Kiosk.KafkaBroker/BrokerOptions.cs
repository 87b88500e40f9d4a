namespace Kiosk.KafkaBroker;

/// <summary>Section <c>Broker</c>; <c>KAFKA_PORT</c> overrides <see cref="Port"/>.</summary>
internal sealed class BrokerOptions
{
    public const int DefaultPort = 9092;

    /// <summary>The loopback port Kafka clients connect to; 0 picks a free one.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Extra topics to create at start-up, comma-separated.</summary>
    public string? Topics { get; set; }

    public int Partitions { get; set; } = 3;

    /// <summary>
    /// Maps the switches that break the broker on purpose (<c>/broker/down</c>, <c>/broker/up</c>, <c>/broker/errors</c>).
    /// Off unless asked for: the AppHost turns it on for the embedded broker in Development and under the test host.
    /// </summary>
    public bool ControlApi { get; set; }

    public static BrokerOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection("Broker").Get<BrokerOptions>() ?? new BrokerOptions();
        if (configuration["KAFKA_PORT"] is { Length: > 0 } port)
        {
            options.Port = int.TryParse(port, out var number)
                ? number
                : throw new InvalidOperationException($"KAFKA_PORT is '{port}'; expected a TCP port number, or 0 for any free port.");
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new InvalidOperationException($"The Kafka port {options.Port} is outside 0-65535.");
        }

        return options;
    }

    public IEnumerable<string> ExtraTopics() =>
        (Topics ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
