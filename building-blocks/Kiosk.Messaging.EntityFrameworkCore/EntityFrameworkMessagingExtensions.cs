using Kiosk.Messaging.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>Reliable events on a service's own database: the outbox relay and the inbox-backed event consumer.</summary>
public static class EntityFrameworkMessagingExtensions
{
    /// <summary>
    /// Publishes <typeparamref name="TContext"/>'s outbox rows, woken by every commit that wrote one, and prunes old sent
    /// rows (and old inbox rows) hourly. Requires <c>AddKafkaProducer</c>.
    /// </summary>
    public static IHostApplicationBuilder AddOutboxRelay<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxCommitInterceptor>();
        // Through DI, so every context instance (pooled or not) wakes the relay after its commits.
        builder.Services.ConfigureDbContext<TContext>((sp, options) =>
            options.AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.AddHostedService<MessagingTableCleanup<TContext>>();
        return builder;
    }

    /// <summary>
    /// Consumes the topics named in <paramref name="configure"/> as consumer group <paramref name="groupId"/>, handling each
    /// message in a <typeparamref name="TContext"/> transaction with its inbox row. Requires <c>AddKafkaProducer</c>
    /// (for dead letters).
    /// </summary>
    public static IHostApplicationBuilder AddEventConsumer<TContext>(
        this IHostApplicationBuilder builder, string connectionName, string groupId, Action<EventConsumerOptions> configure)
        where TContext : DbContext
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(ConsumerRegistration<TContext>)))
        {
            throw new InvalidOperationException(
                $"{typeof(TContext).Name} already has a consumer group; give one group all of the service's topics.");
        }

        builder.AddKafkaConsumer(connectionName, groupId);
        var options = new EventConsumerOptions();
        if (builder.Configuration.GetValue<TimeSpan?>("Kafka:Consumer:NotReadyTimeout") is { } notReadyTimeout)
        {
            options.NotReadyTimeout = notReadyTimeout;
        }
        configure(options);
        foreach (var handler in options.Handlers.Values)
        {
            builder.Services.TryAddScoped(handler.HandlerType);
        }

        builder.Services.AddSingleton(sp =>
            new ConsumerRegistration<TContext>(sp.GetRequiredKeyedService<KafkaConsumerFactory>(groupId), options));
        // A handler writing with SQL wakes the relay itself (no SaveChanges for the interceptor to see).
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<InboxHandling<TContext>>();
        builder.Services.AddSingleton<DeadLetterParking<TContext>>();
        builder.Services.AddHostedService<EventConsumer<TContext>>();
        return builder;
    }
}
