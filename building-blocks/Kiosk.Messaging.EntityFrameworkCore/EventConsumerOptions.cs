using Kiosk.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>Which handler takes which topic, for one consumer group.</summary>
public sealed class EventConsumerOptions
{
    internal Dictionary<string, TopicHandler> Handlers { get; } = [];

    /// <summary>
    /// How long a message whose handler throws <see cref="EventNotReadyException"/> is retried before it is parked
    /// (<c>Kafka:Consumer:NotReadyTimeout</c>, default 2 minutes).
    /// </summary>
    public TimeSpan NotReadyTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public EventConsumerOptions Handle<TEvent, THandler>(string topic)
        where TEvent : IIntegrationEvent
        where THandler : IIntegrationEventHandler<TEvent>
    {
        Handlers[topic] = new TopicHandler(
            typeof(THandler),
            static body => EventSerializer.Deserialize<TEvent>(body),
            static (services, @event, cancellationToken) =>
                services.GetRequiredService<THandler>().HandleAsync((TEvent)@event, cancellationToken));
        return this;
    }

    /// <summary>A handler that writes with SQL (<see cref="ISqlIntegrationEventHandler{TEvent}"/>), for an event on a customer's critical path.</summary>
    public EventConsumerOptions HandleWithSql<TEvent, THandler>(string topic)
        where TEvent : IIntegrationEvent
        where THandler : ISqlIntegrationEventHandler<TEvent>
    {
        Handlers[topic] = new TopicHandler(
            typeof(THandler),
            static body => EventSerializer.Deserialize<TEvent>(body),
            Invoke: null,
            static (services, @event, batch, cancellationToken) =>
                services.GetRequiredService<THandler>().HandleAsync((TEvent)@event, batch, cancellationToken));
        return this;
    }
}

/// <summary>How one topic's events are handled: by changing entities (<see cref="Invoke"/>) or by SQL (<see cref="WriteSql"/>).</summary>
internal sealed record TopicHandler(
    Type HandlerType,
    Func<byte[], IIntegrationEvent> Deserialize,
    Func<IServiceProvider, IIntegrationEvent, CancellationToken, Task>? Invoke,
    Func<IServiceProvider, IIntegrationEvent, SqlEventBatch, CancellationToken, Task>? WriteSql = null);
