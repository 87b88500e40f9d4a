using Confluent.Kafka;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.ServiceDefaults.Messaging;

/// <summary>The one consumer group of a service's <typeparamref name="TContext"/>: its client settings, handlers and health.</summary>
internal sealed class ConsumerRegistration<TContext>(ConsumerConfig config, EventConsumerOptions options) where TContext : DbContext
{
    public ConsumerConfig Config => config;
    public EventConsumerOptions Options => options;
    public string Group => config.GroupId;
    public ConsumerHealth Health { get; } = new(config.GroupId);
}
