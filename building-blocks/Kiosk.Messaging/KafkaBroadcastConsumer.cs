using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Messaging;

/// <summary>
/// Reads the broadcast topics on a thread of its own and hands every message to the <see cref="IBroadcastHandler"/>.
/// Its consumer group is this process's alone, so every replica of the app sees every message. It never gives up:
/// librdkafka reconnects after a broker outage by itself, a fatal error replaces the client, anything else is logged
/// and polling goes on.
/// </summary>
internal sealed class KafkaBroadcastConsumer(
    ConsumerConfig config, IReadOnlyList<string> topics, IBroadcastHandler handler, ILogger<KafkaBroadcastConsumer> logger)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(1);

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
                        Deliver(InboundMessage.From(result));
                    }

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
                    Close(consumer);
                    consumer = null;
                    stoppingToken.WaitHandle.WaitOne(ErrorPause);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // e.g. a topic the broker does not have yet; nothing is lost, the next turn polls again.
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
                if (error.IsFatal)
                {
                    onFatal(error);
                }
            })
            .Build();

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
