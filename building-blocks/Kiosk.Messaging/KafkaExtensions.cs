using Confluent.Kafka;
using Kiosk.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Kiosk.Messaging;

/// <summary>
/// Our Kafka client integration on Confluent.Kafka, shaped like Aspire.Confluent.Kafka: clients registered by connection
/// name, settings bound and validated from configuration, librdkafka logs in ILogger, a health check per client, and
/// the messaging spans and metrics added to OpenTelemetry.
/// </summary>
public static class KafkaExtensions
{
    /// <summary>The tag of the broadcast consumer's health check, for whoever must know whether broadcasts flow.</summary>
    public const string BroadcastHealthTag = "kafka-broadcast";

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
        AddClientCommons(builder, settings);
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
    /// Registers a <see cref="KafkaConsumerFactory"/> (keyed by <paramref name="groupId"/>) for consumer group
    /// <paramref name="groupId"/> on the Kafka connection <paramref name="connectionName"/>, and the group's health check.
    /// New groups start from the earliest offset; offsets are stored and committed by the consume loop, never automatically.
    /// </summary>
    public static IHostApplicationBuilder AddKafkaConsumer(this IHostApplicationBuilder builder, string connectionName, string groupId)
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

        var factory = new KafkaConsumerFactory(config);
        builder.Services.AddKeyedSingleton(groupId, factory);
        builder.Services.TryAddSingleton(TimeProvider.System);
        AddClientCommons(builder, settings);
        if (!settings.DisableHealthChecks)
        {
            var name = $"{connectionName}-consumer-{groupId}";
            builder.Services.AddKeyedSingleton(name, (sp, _) => new ConsumerHealthCheck(
                factory.Health, sp.GetRequiredService<KafkaBrokerProbe>(), sp.GetRequiredService<TimeProvider>()));
            builder.Services.AddHealthChecks().Add(new(
                name, sp => sp.GetRequiredKeyedService<ConsumerHealthCheck>(name), null, ["ready", "kafka"]));
        }
        return builder;
    }

    /// <summary>
    /// Hands every message of <paramref name="topics"/> to the registered <see cref="IBroadcastHandler"/>, in every replica
    /// of the app: each process reads as a consumer group of its own (<c>{application}-broadcast-{unique suffix}</c>),
    /// from the newest message when it starts, and from where it was after a broker outage (offsets are committed).
    /// For in-memory fan-out (live screens), not for work that must happen once: that is <c>AddEventConsumer</c>'s job.
    /// </summary>
    public static IHostApplicationBuilder AddKafkaBroadcastConsumer(
        this IHostApplicationBuilder builder, string connectionName, IReadOnlyList<string> topics)
    {
        if (topics.Count == 0)
        {
            throw new InvalidOperationException($"A broadcast consumer on '{connectionName}' needs at least one topic.");
        }

        var settings = ReadSettings(builder.Configuration, connectionName, "Consumer");
        var config = new ConsumerConfig
        {
            GroupId = $"{builder.Environment.ApplicationName}-broadcast-{Guid.NewGuid():N}",
            ClientId = builder.Environment.ApplicationName,
            // A new process starts from now: what happened before is in the state the screens load, not in the stream.
            AutoOffsetReset = AutoOffsetReset.Latest,
            EnableAutoCommit = true,
            AutoCommitIntervalMs = 1000,
        };
        Apply(config, settings);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new BroadcastConsumerHealth(config.GroupId, sp.GetRequiredService<TimeProvider>().GetUtcNow()));
        builder.Services.AddHostedService(sp => new KafkaBroadcastConsumer(
            config, topics, sp.GetRequiredService<IBroadcastHandler>(), sp.GetRequiredService<BroadcastConsumerHealth>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<KafkaBroadcastConsumer>>()));
        AddClientCommons(builder, settings);
        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddSingleton(sp => new BroadcastConsumerHealthCheck(
                sp.GetRequiredService<BroadcastConsumerHealth>(), sp.GetRequiredService<KafkaBrokerProbe>(), sp.GetRequiredService<TimeProvider>()));
            builder.Services.AddHealthChecks().Add(new(
                $"{connectionName}-broadcast", sp => sp.GetRequiredService<BroadcastConsumerHealthCheck>(), null,
                ["ready", "kafka", BroadcastHealthTag]));
        }
        return builder;
    }

    private static void AddClientCommons(IHostApplicationBuilder builder, KafkaClientSettings settings)
    {
        // One admin client per process answers every health probe (a client per probe would leak threads).
        builder.Services.TryAddSingleton(_ => new KafkaBrokerProbe(AdminConfig(settings, socketTimeoutMs: 3000)));
        AddTopicProvisioning(builder, settings);
        if (!settings.DisableTracing)
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(KafkaTelemetry.ActivitySourceName));
        }
        if (!settings.DisableMetrics)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(KafkaTelemetry.MeterName));
        }
    }

    // Once per process, whichever client comes first: every Kafka-using service creates or verifies all declared topics.
    private static void AddTopicProvisioning(IHostApplicationBuilder builder, KafkaClientSettings settings)
    {
        if (builder.Services.Any(service => service.ServiceType == typeof(TopicProvisioningState)))
        {
            return;
        }

        var replication = KafkaTopicSettings.Replication(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<TopicProvisioningState>();
        builder.Services.AddHostedService(sp => new KafkaTopicProvisioner(
            AdminConfig(settings, socketTimeoutMs: 5000), Topics.Declared, replication, sp.GetRequiredService<TopicProvisioningState>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<KafkaTopicProvisioner>>()));
        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().Add(new(
                "kafka-topics", sp => new TopicHealthCheck(sp.GetRequiredService<TopicProvisioningState>()), null, ["ready", "kafka"]));
        }
    }

    internal static KafkaClientSettings ReadSettings(IConfiguration configuration, string connectionName, string client)
    {
        var settings = new KafkaClientSettings();
        configuration.GetSection($"Kafka:{client}").Bind(settings);
        settings.BootstrapServers ??= configuration.GetConnectionString(connectionName);
        settings.Validate(connectionName);
        return settings;
    }

    // Admin calls reach the cluster as the app's own clients do: security.protocol, sasl.* and ssl.* come with the settings.
    private static AdminClientConfig AdminConfig(KafkaClientSettings settings, int socketTimeoutMs)
    {
        var config = new AdminClientConfig { SocketTimeoutMs = socketTimeoutMs };
        Apply(config, settings);
        return config;
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
