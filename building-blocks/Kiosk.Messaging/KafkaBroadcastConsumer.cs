using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Messaging;

/// <summary>
/// Reads the broadcast topics on a thread of its own and hands every message to the <see cref="IBroadcastHandler"/>.
/// Its consumer group is this process's alone, so every replica of the app sees every message. It never gives up:
/// librdkafka reconnects after a broker outage by itself, a fatal error replaces the client, anything else is logged
/// and polling goes on. It keeps its own position in each partition: a broker outage longer than the session timeout
/// costs the group its partitions, and when they come back reading resumes exactly there, so the events published
/// meanwhile (from the outboxes, as soon as the broker is up) are neither skipped nor repeated.
/// </summary>
internal sealed class KafkaBroadcastConsumer(
    ConsumerConfig config, IReadOnlyList<string> topics, IBroadcastHandler handler, BroadcastConsumerHealth health,
    TimeProvider clock, ILogger<KafkaBroadcastConsumer> logger)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WatermarkTimeout = TimeSpan.FromSeconds(5);

    // The next offset to read in each partition; touched only on the consume thread (rebalance handlers run there too).
    private readonly Dictionary<TopicPartition, Offset> _positions = [];

    public string Group => config.GroupId;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(stoppingToken);
                finished.SetResult();
            }
            catch (Exception ex)
            {
                finished.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = $"kafka-broadcast-{config.GroupId}",
        };
        thread.Start();
        return finished.Task;
    }

    private void Run(CancellationToken stoppingToken)
    {
        logger.LogInformation("Broadcast consumer {Group} consuming {Topics}", config.GroupId, string.Join(", ", topics));
        IConsumer<string, byte[]>? consumer = null;
        Error? fatal = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (consumer is null)
                    {
                        fatal = null;
                        consumer = Build(error => fatal = error);
                        consumer.Subscribe(topics);
                    }

                    if (consumer.Consume(Poll) is { Message: not null } result)
                    {
                        _positions[result.TopicPartition] = result.Offset + 1;
                        Deliver(InboundMessage.From(result));
                    }
                    health.Polled(clock.GetUtcNow(), consumer.Assignment.Count);

                    if (fatal is { } error)
                    {
                        logger.LogWarning("Broadcast consumer {Group} rebuilt after fatal error {Code}: {Reason}",
                            config.GroupId, error.Code, error.Reason);
                        Close(consumer);
                        consumer = null;
                    }
                }
                catch (KafkaException ex) when (ex.Error.IsFatal)
                {
                    health.Failed(ex.Error.Reason);
                    Close(consumer);
                    consumer = null;
                    stoppingToken.WaitHandle.WaitOne(ErrorPause);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // e.g. a topic the broker does not have yet; nothing is lost, the next turn polls again.
                    health.Failed(ex.Message);
                    // Alive and polling, but not reading: degraded with the error, not stuck.
                    health.Polled(clock.GetUtcNow(), assignedPartitions: 0);
                    logger.LogWarning(ex, "Broadcast consumer {Group} error; carrying on", config.GroupId);
                    stoppingToken.WaitHandle.WaitOne(ErrorPause);
                }
            }
        }
        finally
        {
            Close(consumer);
        }
    }

    private void Deliver(InboundMessage message)
    {
        try
        {
            handler.Handle(message);
        }
        catch (Exception ex)
        {
            // One message a handler cannot read must not stop the others.
            logger.LogWarning(ex, "Broadcast message {Message} could not be handled; skipped", message);
        }
    }

    private IConsumer<string, byte[]> Build(Action<Error> onFatal) =>
        new ConsumerBuilder<string, byte[]>(config)
            .SetLogHandler((_, message) => KafkaLogging.Log(logger, message))
            .SetErrorHandler((_, error) =>
            {
                KafkaLogging.Error(logger, error);
                health.Failed($"{error.Code}: {error.Reason}");
                if (error.IsFatal)
                {
                    onFatal(error);
                }
            })
            .SetPartitionsAssignedHandler((consumer, partitions) =>
            {
                logger.LogInformation("Broadcast consumer {Group} assigned {Partitions}", config.GroupId, string.Join(", ", partitions));
                health.Assigned(partitions.Count);
                return partitions.Select(p => new TopicPartitionOffset(p, StartOf(consumer, p)));
            })
            .SetPartitionsLostHandler((_, partitions) =>
                logger.LogWarning("Broadcast consumer {Group} lost {Partitions}; reading resumes where it was when they come back",
                    config.GroupId, string.Join(", ", partitions)))
            .Build();

    /// <summary>
    /// Where to read <paramref name="partition"/> from: where this process was; or, the first time, the partition's end
    /// as a number (not "latest" again later, which would skip what was published while the partition was away).
    /// </summary>
    private Offset StartOf(IConsumer<string, byte[]> consumer, TopicPartition partition)
    {
        if (_positions.TryGetValue(partition, out var known))
        {
            return known;
        }
        try
        {
            var end = consumer.QueryWatermarkOffsets(partition, WatermarkTimeout).High;
            _positions[partition] = end;
            return end;
        }
        catch (KafkaException ex)
        {
            logger.LogWarning("Broadcast consumer {Group} could not read the end of {Partition} ({Reason}); starting from the latest",
                config.GroupId, partition, ex.Error.Reason);
            return Offset.End;
        }
    }

    private static void Close(IConsumer<string, byte[]>? consumer)
    {
        if (consumer is null)
        {
            return;
        }
        try
        {
            consumer.Close();
        }
        catch (KafkaException)
        {
            // A consumer that failed fatally cannot leave cleanly; its group is this process's alone anyway.
        }
        finally
        {
            consumer.Dispose();
        }
    }
}
