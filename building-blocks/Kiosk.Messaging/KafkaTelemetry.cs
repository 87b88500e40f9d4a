using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Confluent.Kafka;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace Kiosk.Messaging;

/// <summary>
/// Spans and metrics for Kafka, after the OpenTelemetry messaging conventions: <c>{topic} publish</c> (Producer) and
/// <c>{topic} process</c> (Consumer), with W3C trace context and baggage carried in message headers.
/// </summary>
public static class KafkaTelemetry
{
    public const string ActivitySourceName = "Kiosk.Messaging";
    public const string MeterName = "Kiosk.Messaging";

    internal static readonly ActivitySource Source = new(ActivitySourceName);
    private static readonly Meter Meter = new(MeterName);
    // W3C trace context and baggage, whether or not the OpenTelemetry SDK has set a default propagator in this process.
    private static readonly TextMapPropagator Propagator =
        new CompositeTextMapPropagator([new TraceContextPropagator(), new BaggagePropagator()]);

    private static readonly Counter<long> SentMessages = Meter.CreateCounter<long>(
        "messaging.client.sent.messages", "{message}", "Messages published and acknowledged by the broker.");
    private static readonly Counter<long> ConsumedMessages = Meter.CreateCounter<long>(
        "messaging.client.consumed.messages", "{message}", "Messages taken from the broker and handled.");
    private static readonly Histogram<double> PublishDuration = Meter.CreateHistogram<double>(
        "messaging.client.operation.duration", "s", "Time from publish to the broker's delivery report.");
    private static readonly Histogram<double> ProcessDuration = Meter.CreateHistogram<double>(
        "messaging.process.duration", "s", "Time to handle one consumed message.");

    public static Activity? StartPublish(string topic, string key, ActivityContext parent)
    {
        var activity = Source.StartActivity($"{topic} publish", ActivityKind.Producer, parent);
        SetCommonTags(activity, topic, key, "send", "publish");
        return activity;
    }

    public static Activity? StartProcess(ConsumeResult<string, byte[]> result, string consumerGroup) =>
        StartProcess(InboundMessage.From(result), consumerGroup);

    public static Activity? StartProcess(InboundMessage message, string consumerGroup)
    {
        var parent = Extract(message.Headers);
        Baggage.Current = parent.Baggage;
        var activity = Source.StartActivity($"{message.Topic} process", ActivityKind.Consumer, parent.ActivityContext);
        SetCommonTags(activity, message.Topic, message.Key, "process", "process");
        activity?.SetTag("messaging.consumer.group.name", consumerGroup);
        activity?.SetTag("messaging.destination.partition.id", message.Partition.ToString());
        activity?.SetTag("messaging.kafka.offset", message.Offset);
        return activity;
    }

    /// <summary>Writes the given context (and the current baggage) into Kafka headers.</summary>
    public static void Inject(ActivityContext context, Headers headers) =>
        Propagator.Inject(new PropagationContext(context, Baggage.Current), headers, static (h, name, value) =>
        {
            h.Remove(name);
            h.Add(name, Encoding.UTF8.GetBytes(value));
        });

    public static PropagationContext Extract(Headers? headers) =>
        Propagator.Extract(default, headers, static (h, name) =>
            h is not null && h.TryGetLastBytes(name, out var bytes) ? [Encoding.UTF8.GetString(bytes)] : []);

    /// <summary>Captures the current trace context as headers, to be stored with an outbox row and restored when it is sent.</summary>
    public static Dictionary<string, string> CaptureCurrentContext()
    {
        var carrier = new Dictionary<string, string>();
        if (Activity.Current is { } current)
        {
            Propagator.Inject(new PropagationContext(current.Context, Baggage.Current), carrier, static (c, k, v) => c[k] = v);
        }
        return carrier;
    }

    public static ActivityContext ParentFrom(IReadOnlyDictionary<string, string>? carrier) =>
        carrier is null
            ? default
            : Propagator.Extract(default, carrier, static (c, k) => c.TryGetValue(k, out var v) ? [v] : []).ActivityContext;

    internal static void RecordPublished(string topic, TimeSpan duration, bool success)
    {
        var tags = new TagList { { "messaging.system", "kafka" }, { "messaging.destination.name", topic } };
        if (!success)
        {
            tags.Add("error.type", "publish_failed");
        }
        else
        {
            SentMessages.Add(1, tags);
        }
        PublishDuration.Record(duration.TotalSeconds, tags);
    }

    internal static void RecordProcessed(string topic, string consumerGroup, TimeSpan duration, string outcome)
    {
        var tags = new TagList
        {
            { "messaging.system", "kafka" },
            { "messaging.destination.name", topic },
            { "messaging.consumer.group.name", consumerGroup },
            { "kiosk.outcome", outcome },
        };
        ConsumedMessages.Add(1, tags);
        ProcessDuration.Record(duration.TotalSeconds, tags);
    }

    private static void SetCommonTags(Activity? activity, string topic, string? key, string operationType, string operationName)
    {
        if (activity is null)
        {
            return;
        }
        activity.SetTag("messaging.system", "kafka");
        activity.SetTag("messaging.destination.name", topic);
        activity.SetTag("messaging.operation.type", operationType);
        activity.SetTag("messaging.operation.name", operationName);
        if (key is not null)
        {
            activity.SetTag("messaging.kafka.message.key", key);
        }
    }
}
