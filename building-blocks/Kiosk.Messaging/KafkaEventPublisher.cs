using System.Diagnostics;
using Confluent.Kafka;

namespace Kiosk.Messaging;

/// <summary>
/// Publishes on the process's one long-lived producer and returns only when the broker has acknowledged the message,
/// so a caller (the outbox relay, the dead-letter path) can mark it sent without losing anything.
/// </summary>
public sealed class KafkaEventPublisher
{
    private readonly ProducerHolder? _producers;
    private readonly IProducer<string, byte[]>? _producer;

    internal KafkaEventPublisher(ProducerHolder producers) => _producers = producers;

    /// <summary>Publishes on a producer the caller owns (and replaces itself after a fatal error).</summary>
    public KafkaEventPublisher(IProducer<string, byte[]> producer) => _producer = producer;

    public async Task PublishAsync(
        string topic, string key, byte[] value, ActivityContext parent, Headers? headers = null,
        CancellationToken cancellationToken = default)
    {
        using var activity = KafkaTelemetry.StartPublish(topic, key, parent);
        var message = new Message<string, byte[]> { Key = key, Value = value, Headers = headers ?? [] };
        KafkaTelemetry.Inject(activity?.Context ?? parent, message.Headers);

        var started = Stopwatch.GetTimestamp();
        var producer = _producer ?? _producers!.Current;
        try
        {
            var delivery = await producer.ProduceAsync(topic, message, cancellationToken);
            activity?.SetTag("messaging.destination.partition.id", delivery.Partition.Value.ToString());
            activity?.SetTag("messaging.kafka.offset", delivery.Offset.Value);
            KafkaTelemetry.RecordPublished(topic, Stopwatch.GetElapsedTime(started), success: true);
        }
        catch (Exception ex)
        {
            if (ex is KafkaException { Error.IsFatal: true } fatal)
            {
                _producers?.ReportFatal(producer, fatal.Error);
            }
            else if (ex is ObjectDisposedException)
            {
                _producers?.ReportFatal(producer, new Error(ErrorCode.Local_Fatal, "producer handle destroyed", isFatal: true));
            }
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag("error.type", ex.GetType().Name);
            KafkaTelemetry.RecordPublished(topic, Stopwatch.GetElapsedTime(started), success: false);
            throw;
        }
    }
}
