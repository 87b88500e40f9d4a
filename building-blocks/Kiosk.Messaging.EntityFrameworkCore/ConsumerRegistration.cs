using Microsoft.EntityFrameworkCore;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>The one consumer group of a service's <typeparamref name="TContext"/>: its consumers and its handlers.</summary>
internal sealed class ConsumerRegistration<TContext>(KafkaConsumerFactory consumers, EventConsumerOptions options)
    where TContext : DbContext
{
    public KafkaConsumerFactory Consumers => consumers;
    public EventConsumerOptions Options => options;
    public string Group => consumers.Group;
    public ConsumerHealth Health => consumers.Health;
}
