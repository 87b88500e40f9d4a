using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>The outbox's own metrics, on the same meter as the Kafka client's (<see cref="KafkaTelemetry.MeterName"/>).</summary>
internal static class OutboxTelemetry
{
    private static readonly Meter Meter = new(KafkaTelemetry.MeterName);

    private static readonly Counter<long> Parked = Meter.CreateCounter<long>(
        "kiosk.outbox.parked", "{message}", "Outbox rows parked after failing too often for a reason of their own.");

    public static void RecordParked(string topic) =>
        Parked.Add(1, new TagList { { "messaging.system", "kafka" }, { "messaging.destination.name", topic } });
}
