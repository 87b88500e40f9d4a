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
    /// Registers the process's one long-lived producer (<see cref="IProducer{TKey,TValue}"/>) and the
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
            return new ProducerBuilder<string, byte[]>(config)
                .SetLogHandler((_, message) => KafkaLogging.Log(logger, message))
                .SetErrorHandler((_, error) => KafkaLogging.Error(logger, error))
                .Build();
        });
        builder.Services.AddSingleton<KafkaEventPublisher>();
        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().Add(new(
                $"{connectionName}-producer", _ => new KafkaHealthCheck(settings.BootstrapServers!), null, ["ready", "kafka"]));
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
        configure(options);
        foreach (var handler in options.Handlers.Values)
        {
            builder.Services.TryAddScoped(handler.HandlerType);
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<EventConsumer<TContext>>(sp, config, options));
        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().Add(new(
                $"{connectionName}-consumer-{groupId}", _ => new KafkaHealthCheck(settings.BootstrapServers!), null, ["ready", "kafka"]));
        }
        return builder;
    }

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
