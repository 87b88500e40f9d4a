using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Kiosk.Messaging;

/// <summary>Routes librdkafka's own log lines and errors into ILogger, so they reach the dashboard with the service's logs.</summary>
internal static class KafkaLogging
{
    public static void Log(ILogger logger, LogMessage message) =>
        logger.Log(ToLogLevel(message.Level), "librdkafka {Facility} {Name}: {Message}", message.Facility, message.Name, message.Message);

    public static void Error(ILogger logger, Error error) =>
        logger.Log(error.IsFatal ? LogLevel.Critical : LogLevel.Warning, "Kafka error {Code}: {Reason}", error.Code, error.Reason);

    private static LogLevel ToLogLevel(SyslogLevel level) => level switch
    {
        SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
        SyslogLevel.Error => LogLevel.Error,
        SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
        _ => LogLevel.Debug,
    };
}
