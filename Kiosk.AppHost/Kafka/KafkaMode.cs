using Kiosk.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Kiosk.AppHost.Kafka;

/// <summary>Where the broker comes from: a container, the embedded broker process, or an existing cluster.</summary>
internal enum KafkaMode
{
    Auto,
    Container,
    Embedded,
    External,
}

internal static class KafkaModeSetting
{
    public const string Key = "Kiosk:Kafka:Mode";

    /// <summary>Reads <c>Kiosk:Kafka:Mode</c>; auto becomes container when a runtime answers, else embedded.</summary>
    public static KafkaMode Resolve(IConfiguration config)
    {
        var value = config[Key];
        if (string.IsNullOrWhiteSpace(value))
        {
            value = nameof(KafkaMode.Auto);
        }

        if (!Enum.TryParse<KafkaMode>(value, ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
        {
            throw new InvalidOperationException(
                $"{Key} is '{value}'; expected one of: auto, container, embedded, external.");
        }

        return mode == KafkaMode.Auto
            ? ContainerRuntime.IsAvailable(config) ? KafkaMode.Container : KafkaMode.Embedded
            : mode;
    }
}
