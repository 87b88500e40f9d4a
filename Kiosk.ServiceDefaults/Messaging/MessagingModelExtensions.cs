using Kiosk.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.ServiceDefaults.Messaging;

public static class MessagingModelExtensions
{
    /// <summary>Adds the <c>outbox_messages</c> table to a service's model.</summary>
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).UseIdentityAlwaysColumn();
            outbox.Property(m => m.Topic).HasMaxLength(200);
            outbox.Property(m => m.Key).HasMaxLength(200);
            outbox.Property(m => m.EventType).HasMaxLength(200);
            outbox.Property(m => m.Payload).HasColumnType("jsonb");
            outbox.Property(m => m.TraceContext).HasColumnType("jsonb");
            outbox.HasIndex(m => m.EventId).IsUnique();
            // The relay's query: unsent rows in write order.
            outbox.HasIndex(m => new { m.SentAt, m.Id });
        });
        return modelBuilder;
    }

    /// <summary>Adds the <c>processed_events</c> table (the consumer's inbox) to a service's model.</summary>
    public static ModelBuilder AddInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProcessedEvent>(inbox =>
        {
            inbox.ToTable("processed_events");
            inbox.HasKey(p => new { p.EventId, p.ConsumerGroup });
            inbox.Property(p => p.ConsumerGroup).HasMaxLength(200);
            inbox.Property(p => p.Topic).HasMaxLength(200);
        });
        return modelBuilder;
    }

    /// <summary>Queues <paramref name="event"/> for publishing; it is stored by the same SaveChanges as the state change.</summary>
    public static void AddIntegrationEvent<TEvent>(this DbContext db, string topic, string key, TEvent @event)
        where TEvent : IIntegrationEvent =>
        db.Set<OutboxMessage>().Add(OutboxMessage.Create(topic, key, @event));
}
