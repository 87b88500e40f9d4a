using Confluent.Kafka;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.ServiceDefaults.Messaging;

/// <summary>
/// Our Kafka client integration on Confluent.Kafka: clients registered by connection name, settings bound and validated
/// from configuration, librdkafka logs in ILogger, a health check per client, and the outbox relay and consumer on top.
/// </summary>
public static class MessagingExtensions
{
    /// <summary>
    /// Registers the process's one long-lived producer (rebuilt after a fatal error) and the
    /// <see cref="KafkaEventPublisher"/> on the Kafka connection <paramref name="connectionName"/>.
    /// </summary>
    public static IHostApplicationBuilder AddKafkaProducer(this IHostApplicationBuilder builder, string connectionName)
    {
        var settings = ReadSettings(builder.Configuration, connectionName, "Producer");
        var config = new ProducerConfig
        {
            ClientId = builder.Environment.ApplicationName,
            Acks = Acks.All,
            EnableIdempotence = true,
            // Fail a send within seconds when the broker is away, so the outbox relay can back off and retry.
            MessageTimeoutMs = 10_000,
        };
        Apply(config, settings);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Kiosk.Messaging.Producer");
            return new ProducerHolder(onFatal => new ProducerBuilder<string, byte[]>(config)
                .SetLogHandler((_, message) => KafkaLogging.Log(logger, message))
                .SetErrorHandler((_, error) =>
                {
                    KafkaLogging.Error(logger, error);
                    onFatal(error);
                })
                .Build(), logger);
        });
        builder.Services.AddSingleton(sp => new KafkaEventPublisher(sp.GetRequiredService<ProducerHolder>()));
        AddBrokerProbe(builder, settings);
        if (!settings.DisableHealthChecks)
        {
            var name = $"{connectionName}-producer";
            builder.Services.AddKeyedSingleton(name, (sp, _) =>
                new ProducerHealthCheck(sp.GetRequiredService<ProducerHolder>(), sp.GetRequiredService<KafkaBrokerProbe>()));
            builder.Services.AddHealthChecks().Add(new(
                name, sp => sp.GetRequiredKeyedService<ProducerHealthCheck>(name), null, ["ready", "kafka"]));
        }
        return builder;
    }

    /// <summary>
    /// Publishes <typeparamref name="TContext"/>'s outbox rows, and prunes old sent rows (and old inbox rows) hourly.
    /// Requires <see cref="AddKafkaProducer"/>.
    /// </summary>
    public static IHostApplicationBuilder AddOutboxRelay<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.AddHostedService<MessagingTableCleanup<TContext>>();
        return builder;
    }

    /// <summary>
    /// Consumes the topics named in <paramref name="configure"/> as consumer group <paramref name="groupId"/>, handling each
    /// message in a <typeparamref name="TContext"/> transaction. New groups start from the earliest offset, so nothing
    /// published before the service first started is skipped. Requires <see cref="AddKafkaProducer"/> (for dead letters).
    /// </summary>
    public static IHostApplicationBuilder AddEventConsumer<TContext>(
        this IHostApplicationBuilder builder, string connectionName, string groupId, Action<EventConsumerOptions> configure)
        where TContext : DbContext
    {
        if (string.IsNullOrWhiteSpace(groupId))
        {
            throw new InvalidOperationException($"A Kafka consumer on '{connectionName}' needs a consumer group id.");
        }

        var settings = ReadSettings(builder.Configuration, connectionName, "Consumer");
        var config = new ConsumerConfig
        {
            GroupId = groupId,
            ClientId = builder.Environment.ApplicationName,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
        };
        Apply(config, settings);

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

        if (builder.Services.Any(s => s.ServiceType == typeof(ConsumerRegistration<TContext>)))
        {
            throw new InvalidOperationException(
                $"{typeof(TContext).Name} already has a consumer group; give one group all of the service's topics.");
        }
        var registration = new ConsumerRegistration<TContext>(config, options);
        builder.Services.AddSingleton(registration);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<InboxHandling<TContext>>();
        builder.Services.AddSingleton<DeadLetterParking<TContext>>();
        builder.Services.AddHostedService<EventConsumer<TContext>>();
        AddBrokerProbe(builder, settings);
        if (!settings.DisableHealthChecks)
        {
            var name = $"{connectionName}-consumer-{groupId}";
            builder.Services.AddKeyedSingleton(name, (sp, _) => new ConsumerHealthCheck(
                registration.Health, sp.GetRequiredService<KafkaBrokerProbe>(), sp.GetRequiredService<TimeProvider>()));
            builder.Services.AddHealthChecks().Add(new(
                name, sp => sp.GetRequiredKeyedService<ConsumerHealthCheck>(name), null, ["ready", "kafka"]));
        }
        return builder;
    }

    /// <summary>One admin client per process answers every health probe (a client per probe would leak threads).</summary>
    private static void AddBrokerProbe(IHostApplicationBuilder builder, KafkaClientSettings settings) =>
        builder.Services.TryAddSingleton(_ => new KafkaBrokerProbe(settings.BootstrapServers!));

    internal static KafkaClientSettings ReadSettings(IConfiguration configuration, string connectionName, string client)
    {
        var settings = new KafkaClientSettings();
        configuration.GetSection($"Kafka:{client}").Bind(settings);
        settings.BootstrapServers ??= configuration.GetConnectionString(connectionName);
        settings.Validate(connectionName);
        return settings;
    }

    private static void Apply(ClientConfig config, KafkaClientSettings settings)
    {
        foreach (var (key, value) in settings.Config)
        {
            config.Set(key, value);
        }
        config.BootstrapServers = settings.BootstrapServers;
    }
}
