using Aspire.Hosting.Testing;
using Npgsql;

namespace Kiosk.IntegrationTests.Replicas;

/// <summary>
/// An outbox row the broker refuses (a message larger than it accepts) is parked, holds back only the later events of
/// its own key, turns the service Degraded, and is published once staff retry it after fixing the cause.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class OutboxParkingTests(ReplicaAppFixture fixture)
{
    // A topic of the test's own: nothing consumes it.
    private const string Topic = KioskAppFixture.OutageTestTopic;

    [Fact]
    public async Task A_row_the_broker_refuses_is_parked_without_blocking_other_keys_and_goes_out_in_order_once_retried()
    {
        await using var db = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("ordersdb"));
        await db.OpenAsync();
        var (stuckKey, otherKey) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        // One failure short of parking (Outbox:MaxAttempts defaults to 10), so the test need not wait out ten backoffs.
        var tooLarge = await InsertAsync(db, stuckKey, $$"""{"pad": "{{new string('x', 1_100_000)}}"}""", attempts: 9);
        var behind = await InsertAsync(db, stuckKey, """{"n": 2}""", attempts: 0);
        var other = await InsertAsync(db, otherKey, """{"n": 3}""", attempts: 0);
        using var staff = fixture.CreateStaffClient();

        var parked = await Eventually.ResultAsync(async () =>
            (await staff.GetFromJsonAsync<JsonArray>("/api/orders/outbox/parked"))!
                .FirstOrDefault(row => row!["id"]!.GetValue<long>() == tooLarge)?.AsObject(),
            KioskClient.Patience, $"outbox row {tooLarge} to be parked");
        Assert.Equal(10, parked["attempts"]!.GetValue<int>());
        Assert.Equal(1, parked["waitingBehind"]!.GetValue<int>());
        Assert.Contains("too large", parked["lastError"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        await Eventually.TrueAsync(async () => await SentAsync(db, other), KioskClient.Patience, "the other key's row to be published");
        Assert.False(await SentAsync(db, behind), "A later row of the parked row's key must wait behind it.");
        Assert.Contains("Degraded", await HealthOfAnOrdersReplicaAsync());

        // Staff fix the cause (here: shrink the message), then retry.
        await using (var fix = new NpgsqlCommand("""UPDATE outbox_messages SET "Payload" = '{"n": 1}' WHERE "Id" = @id""", db))
        {
            fix.Parameters.AddWithValue("id", tooLarge);
            await fix.ExecuteNonQueryAsync();
        }
        var retry = await staff.PostAsync($"/api/orders/outbox/{tooLarge}/retry", null);
        Assert.Equal(HttpStatusCode.NoContent, retry.StatusCode);

        await Eventually.TrueAsync(async () => await SentAsync(db, tooLarge) && await SentAsync(db, behind),
            KioskClient.Patience, "the retried row and the row behind it to be published");
        var published = TopicSnapshot.ReadAll(fixture.KafkaBootstrapServers, Topic)
            .Where(m => m.Key == stuckKey)
            .Select(m => JsonNode.Parse(m.Value)!["n"]!.GetValue<int>());
        Assert.Equal([1, 2], published);
        Assert.Null(await LastErrorAsync(db, tooLarge)); // once published, a row no longer shows the error it failed with
        Assert.Empty((await staff.GetFromJsonAsync<JsonArray>("/api/orders/outbox/parked"))!);
        await KioskClient.ProblemAsync(await staff.PostAsync($"/api/orders/outbox/{tooLarge}/retry", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_parked_rows_are_for_staff_only_and_an_unknown_row_cannot_be_retried()
    {
        await KioskClient.ProblemAsync(await fixture.Gateway.GetAsync("/api/payments/outbox/parked"), HttpStatusCode.Unauthorized);
        using var staff = fixture.CreateStaffClient();
        await KioskClient.ProblemAsync(await staff.PostAsync("/api/carts/outbox/999999999/retry", null), HttpStatusCode.NotFound);
    }

    private async Task<string> HealthOfAnOrdersReplicaAsync()
    {
        using var timeout = new CancellationTokenSource(KioskClient.Patience);
        await foreach (var update in fixture.App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (update.Resource.Name == "orders" && update.Snapshot.Urls.FirstOrDefault(u => !u.IsInternal) is { } url
                && update.Snapshot.State?.Text == "Running")
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
                return await http.GetStringAsync(new Uri(new Uri(url.Url), "/health"));
            }
        }
        throw new TimeoutException("No running orders replica published its address.");
    }

    private static async Task<long> InsertAsync(NpgsqlConnection db, string key, string payload, int attempts)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO outbox_messages ("EventId", "Topic", "Key", "EventType", "Payload", "CreatedAt", "Attempts", "NextAttemptAt")
            VALUES (@eventId, @topic, @key, 'Test', @payload::jsonb, now(), @attempts, now())
            RETURNING "Id"
            """, db);
        insert.Parameters.AddWithValue("eventId", Guid.NewGuid());
        insert.Parameters.AddWithValue("topic", Topic);
        insert.Parameters.AddWithValue("key", key);
        insert.Parameters.AddWithValue("payload", payload);
        insert.Parameters.AddWithValue("attempts", attempts);
        return (long)(await insert.ExecuteScalarAsync())!;
    }

    private static async Task<bool> SentAsync(NpgsqlConnection db, long id)
    {
        await using var query = new NpgsqlCommand("""SELECT "SentAt" IS NOT NULL FROM outbox_messages WHERE "Id" = @id""", db);
        query.Parameters.AddWithValue("id", id);
        return (bool)(await query.ExecuteScalarAsync())!;
    }

    private static async Task<string?> LastErrorAsync(NpgsqlConnection db, long id)
    {
        await using var query = new NpgsqlCommand("""SELECT "LastError" FROM outbox_messages WHERE "Id" = @id""", db);
        query.Parameters.AddWithValue("id", id);
        // No row at all is a failure, not a cleared error: a NULL column reads as DBNull, a missing row as null.
        var lastError = await query.ExecuteScalarAsync() ?? throw new InvalidOperationException($"Outbox row {id} is gone.");
        return lastError as string;
    }
}
