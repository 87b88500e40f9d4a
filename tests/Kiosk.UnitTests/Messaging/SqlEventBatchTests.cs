using Kiosk.Contracts;
using Kiosk.Contracts.Events;
using Kiosk.Messaging.EntityFrameworkCore;
using Kiosk.Orders.Data;

namespace Kiosk.UnitTests.Messaging;

public sealed class SqlEventBatchTests
{
    [Fact]
    public void An_event_queued_in_a_batch_writes_every_outbox_column_the_relay_needs()
    {
        using var db = new OrdersDbContextFactory().CreateDbContext([]);
        var batch = new SqlEventBatch(db);

        batch.AddIntegrationEvent(Topics.OrderCancelled, "key", new OrderCancelled(
            Guid.NewGuid(), Guid.NewGuid(), 7, "CANCELLED", "changed their mind", new DateOnly(2026, 12, 2), DateTimeOffset.UtcNow));

        SqlWrites.AssertWritesEveryRequiredColumn<OutboxMessage>(db, batch.Commands);
        var command = Assert.Single(batch.Commands);
        Assert.Equal(SqlWrites.InsertedColumns<OutboxMessage>(db, batch.Commands).Count, command.Parameters.Count);
        // Payload and trace context are jsonb: sent as text and cast, or PostgreSQL refuses the insert.
        Assert.Equal(2, command.CommandText.Split("::jsonb").Length - 1);
        Assert.True(batch.HasOutboxRows);
    }

    [Fact]
    public void A_batch_without_events_does_not_wake_the_relay()
    {
        using var db = new OrdersDbContextFactory().CreateDbContext([]);
        var batch = new SqlEventBatch(db);

        batch.Add("SELECT 1");

        Assert.False(batch.HasOutboxRows);
    }
}
