using Kiosk.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Messaging.EntityFrameworkCore;

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

    /// <summary>
    /// Adds what a consuming service needs: the <c>processed_events</c> table (the inbox) and the <c>dead_letters</c> table.
    /// </summary>
    public static ModelBuilder AddInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProcessedEvent>(inbox =>
        {
            inbox.ToTable("processed_events");
            inbox.HasKey(p => new { p.EventId, p.ConsumerGroup });
            inbox.Property(p => p.ConsumerGroup).HasMaxLength(200);
            inbox.Property(p => p.Topic).HasMaxLength(200);
        });
        return modelBuilder.AddDeadLetters();
    }

    /// <summary>Adds the <c>dead_letters</c> table: messages a consumer parked, to list and replay.</summary>
    public static ModelBuilder AddDeadLetters(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DeadLetter>(deadLetter =>
        {
            deadLetter.ToTable("dead_letters");
            deadLetter.HasKey(d => d.Id);
            deadLetter.Property(d => d.Id).UseIdentityAlwaysColumn();
            deadLetter.Property(d => d.Topic).HasMaxLength(200);
            deadLetter.Property(d => d.Headers).HasColumnType("jsonb");
            deadLetter.Property(d => d.ErrorType).HasMaxLength(300);
            deadLetter.Property(d => d.ConsumerGroup).HasMaxLength(200);
            deadLetter.Property(d => d.ReplayOutcome).HasMaxLength(16);
            // One row per parked message, however often parking it was retried.
            deadLetter.HasIndex(d => new { d.ConsumerGroup, d.Topic, d.Partition, d.Offset }).IsUnique();
            // The crew's list: newest first.
            deadLetter.HasIndex(d => d.ParkedAt);
        });
        return modelBuilder;
    }

    /// <summary>Queues <paramref name="event"/> for publishing; it is stored by the same SaveChanges as the state change.</summary>
    public static void AddIntegrationEvent<TEvent>(this DbContext db, string topic, string key, TEvent @event)
        where TEvent : IIntegrationEvent =>
        db.Set<OutboxMessage>().Add(OutboxMessage.Create(topic, key, @event));
}
