using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// Runs the service's consume loop on a thread of its own (Consume() blocks) for as long as the service runs. Each
/// message is handled in one transaction with its inbox row; poison is parked; outages are waited out.
/// </summary>
internal sealed class EventConsumer<TContext>(
    ConsumerRegistration<TContext> registration,
    InboxHandling<TContext> inbox,
    DeadLetterParking<TContext> parking,
    TimeProvider clock,
    ILoggerFactory loggers) : BackgroundService where TContext : DbContext
{
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger<EventConsumer<TContext>>();
        var pipeline = new MessagePipeline(registration.Group, new RetryPolicy(registration.Options.NotReadyTimeout),
            inbox.HandleAsync, parking.ParkAsync, clock, logger);
        var loop = new ConsumerLoop(
            listener => registration.Consumers.Create(registration.Options.Handlers.Keys, listener, logger),
            pipeline, registration.Health, clock, logger, ErrorPause);

        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                logger.LogInformation("Consumer group {Group} consuming {Topics}", registration.Group,
                    string.Join(", ", registration.Options.Handlers.Keys));
                loop.Run(stoppingToken);
                finished.SetResult();
            }
            catch (Exception ex)
            {
                finished.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = $"kafka-consumer-{registration.Group}",
        };
        thread.Start();
        return finished.Task;
    }
}
