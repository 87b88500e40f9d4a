using Aspire.Hosting.Testing;
using Npgsql;

namespace Kiosk.IntegrationTests.Ordering;

/// <summary>The outbox and inbox are pruned, so they do not grow forever, and nothing unsent is ever removed.</summary>
[Collection(KioskCollection.Name)]
public sealed class MessagingCleanupTests(KioskAppFixture fixture)
{
    [Fact]
    public async Task Old_sent_outbox_rows_and_old_inbox_rows_are_pruned_while_unsent_and_recent_rows_stay()
    {
        var connectionString = await fixture.App.GetConnectionStringAsync("ordersdb");
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        var (oldSent, recentSent, oldUnsent) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (oldInbox, recentInbox) = (Guid.NewGuid(), Guid.NewGuid());
        await InsertOutboxRowAsync(db, oldSent, createdAt: now.AddDays(-9), sentAt: now.AddDays(-8));
        await InsertOutboxRowAsync(db, recentSent, createdAt: now.AddDays(-1), sentAt: now.AddDays(-1));
        // Unsent and not due for another day, so the relay leaves it alone during the test.
        await InsertOutboxRowAsync(db, oldUnsent, createdAt: now.AddDays(-9), sentAt: null, nextAttemptAt: now.AddDays(1));
        await InsertInboxRowAsync(db, oldInbox, processedAt: now.AddDays(-31));
        await InsertInboxRowAsync(db, recentInbox, processedAt: now.AddDays(-1));

        // The cleanup runs at start-up (then hourly): restart the order service rather than wait an hour.
        await fixture.StopAsync("orders");
        await fixture.StartAsync("orders");

        await Eventually.TrueAsync(async () => !await ExistsAsync(db, "outbox_messages", oldSent) && !await ExistsAsync(db, "processed_events", oldInbox),
            KioskClient.Patience, "the old sent outbox row and the old inbox row to be pruned");
        Assert.True(await ExistsAsync(db, "outbox_messages", recentSent), "A recently sent outbox row must be kept.");
        Assert.True(await ExistsAsync(db, "outbox_messages", oldUnsent), "An unsent outbox row must never be pruned.");
        Assert.True(await ExistsAsync(db, "processed_events", recentInbox), "A recent inbox row must be kept.");
    }

    private static async Task InsertOutboxRowAsync(
        NpgsqlConnection db, Guid eventId, DateTimeOffset createdAt, DateTimeOffset? sentAt, DateTimeOffset? nextAttemptAt = null)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO outbox_messages ("EventId", "Topic", "Key", "EventType", "Payload", "CreatedAt", "SentAt", "Attempts", "NextAttemptAt")
            VALUES (@eventId, 'kiosk-test-outage', @key, 'Test', '{}', @createdAt, @sentAt, 0, @nextAttemptAt)
            """, db);
        insert.Parameters.AddWithValue("eventId", eventId);
        insert.Parameters.AddWithValue("key", eventId.ToString());
        insert.Parameters.AddWithValue("createdAt", createdAt);
        insert.Parameters.AddWithValue("sentAt", sentAt is { } sent ? sent : DBNull.Value);
        insert.Parameters.AddWithValue("nextAttemptAt", nextAttemptAt ?? createdAt);
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task InsertInboxRowAsync(NpgsqlConnection db, Guid eventId, DateTimeOffset processedAt)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO processed_events ("EventId", "ConsumerGroup", "Topic", "ProcessedAt")
            VALUES (@eventId, 'orders', 'CART_CHECKOUT', @processedAt)
            """, db);
        insert.Parameters.AddWithValue("eventId", eventId);
        insert.Parameters.AddWithValue("processedAt", processedAt);
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection db, string table, Guid eventId)
    {
        // The table name comes from this class, never from input.
        await using var query = new NpgsqlCommand($"""SELECT count(*) FROM {table} WHERE "EventId" = @eventId""", db);
        query.Parameters.AddWithValue("eventId", eventId);
        return (long)(await query.ExecuteScalarAsync())! > 0;
    }
}
