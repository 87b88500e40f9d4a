using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Kiosk.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// Parks a message the consumer gives up on: a <c>dead_letters</c> row (to list and replay) and a copy on
/// <c>{topic}.DLT</c> with the error in its headers. Both steps are idempotent, so a retried park doubles nothing.
/// </summary>
internal sealed class DeadLetterParking<TContext>(
    ConsumerRegistration<TContext> registration,
    IServiceScopeFactory scopes,
    KafkaEventPublisher publisher,
    TimeProvider clock,
    ILogger<DeadLetterParking<TContext>> logger) where TContext : DbContext
{
    public async Task ParkAsync(InboundMessage message, Exception error, CancellationToken cancellationToken)
    {
        var group = registration.Group;
        var deadLetterTopic = Topics.DeadLetterOf(message.Topic);
        logger.LogError(error, "Parking {Message} on {DeadLetterTopic} and in dead_letters", message, deadLetterTopic);

        await RecordAsync(message, error, group, cancellationToken);

        var headers = new Headers();
        foreach (var header in message.Headers)
        {
            headers.Add(header.Key, header.GetValueBytes());
        }
        headers.Add("dlt.error.type", Encoding.UTF8.GetBytes(ErrorType(error)));
        headers.Add("dlt.error.message", Encoding.UTF8.GetBytes(error.Message));
        headers.Add("dlt.original.topic", Encoding.UTF8.GetBytes(message.Topic));
        headers.Add("dlt.original.partition", Encoding.UTF8.GetBytes(message.Partition.ToString()));
        headers.Add("dlt.original.offset", Encoding.UTF8.GetBytes(message.Offset.ToString()));
        headers.Add("dlt.consumer.group", Encoding.UTF8.GetBytes(group));
        await publisher.PublishAsync(deadLetterTopic, message.Key ?? string.Empty, message.Value,
            Activity.Current?.Context ?? default, headers, cancellationToken);
    }

    private async Task RecordAsync(InboundMessage message, Exception error, string group, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var known = await db.Set<DeadLetter>().AnyAsync(d => d.ConsumerGroup == group && d.Topic == message.Topic
            && d.Partition == message.Partition && d.Offset == message.Offset, cancellationToken);
        if (known)
        {
            return;
        }

        db.Add(new DeadLetter
        {
            Topic = message.Topic,
            Partition = message.Partition,
            Offset = message.Offset,
            Key = message.Key,
            Payload = message.Value,
            Headers = JsonSerializer.Serialize(message.Headers
                .GroupBy(h => h.Key)
                .ToDictionary(g => g.Key, g => Encoding.UTF8.GetString(g.Last().GetValueBytes()))),
            ErrorType = ErrorType(error),
            ErrorMessage = error.Message,
            ConsumerGroup = group,
            ParkedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string ErrorType(Exception error) => error.GetType().FullName ?? error.GetType().Name;
}
