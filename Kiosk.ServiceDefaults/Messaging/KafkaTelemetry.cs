using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Kiosk.ServiceDefaults.Messaging;

/// <summary>The activity source and meter for Kafka publish and process spans, following OpenTelemetry messaging conventions.</summary>
public static class KafkaTelemetry
{
    public const string ActivitySourceName = "Kiosk.Messaging";
    public const string MeterName = "Kiosk.Messaging";

    internal static readonly ActivitySource Source = new(ActivitySourceName);
    internal static readonly Meter Meter = new(MeterName);
}
