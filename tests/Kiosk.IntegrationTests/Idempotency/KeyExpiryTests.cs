using Aspire.Hosting.Testing;
using Npgsql;
using static Kiosk.IntegrationTests.Idempotency.IdempotentRequests;

namespace Kiosk.IntegrationTests.Idempotency;

/// <summary>Keys are kept 24 hours: after that the same key is a new request, and expired keys are pruned.</summary>
[Collection(KioskCollection.Name)]
public sealed class KeyExpiryTests(KioskAppFixture fixture)
{
    private readonly KioskClient _kiosk = new(fixture);

    [Fact]
    public async Task An_expired_key_not_yet_pruned_is_a_new_request()
    {
        var cartId = await _kiosk.NewCartAsync();
        var key = NewKey();
        await using var db = await OpenAsync("cartdb");
        // Yesterday's answer for this key, with another body: once expired it must neither replay nor refuse.
        await InsertKeyAsync(db, $"POST /api/carts/{cartId}/items", key, expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1));

        var answer = await PostAsync(_kiosk.Customer, $"/api/carts/{cartId}/items", new { menuItemId = 203, quantity = 1 }, key);
        var again = await PostAsync(_kiosk.Customer, $"/api/carts/{cartId}/items", new { menuItemId = 203, quantity = 1 }, key);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(IsReplay(answer));
        Assert.True(IsReplay(again), "The new answer is kept for the key from now on.");
        var cart = JsonNode.Parse(await BodyAsync(again))!;
        Assert.Equal(1, cart["items"]![0]!["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task Expired_keys_are_pruned_and_live_ones_kept()
    {
        await using var db = await OpenAsync("paymentsdb");
        var (expired, live) = (NewKey(), NewKey());
        await InsertKeyAsync(db, "POST /api/payments", expired, expiresAt: DateTimeOffset.UtcNow.AddHours(-1));
        await InsertKeyAsync(db, "POST /api/payments", live, expiresAt: DateTimeOffset.UtcNow.AddHours(23));

        // The prune runs at start-up (then hourly): restart the payment service rather than wait an hour.
        await fixture.StopAsync("payments");
        await fixture.StartAsync("payments");

        await Eventually.TrueAsync(async () => !await ExistsAsync(db, expired), KioskClient.Patience, "the expired key to be pruned");
        Assert.True(await ExistsAsync(db, live), "A key younger than 24 hours must be kept.");
    }

    private async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var db = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync(database));
        await db.OpenAsync();
        return db;
    }

    private static async Task InsertKeyAsync(NpgsqlConnection db, string scope, string key, DateTimeOffset expiresAt)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, status_code, content_type, body, created_at, expires_at)
            VALUES (@scope, @key, @hash, 201, 'application/json', @body, @createdAt, @expiresAt)
            """, db);
        insert.Parameters.AddWithValue("scope", scope);
        insert.Parameters.AddWithValue("key", key);
        insert.Parameters.AddWithValue("hash", new string('0', 64));
        insert.Parameters.AddWithValue("body", "{\"stale\":true}"u8.ToArray());
        insert.Parameters.AddWithValue("createdAt", expiresAt.AddHours(-24));
        insert.Parameters.AddWithValue("expiresAt", expiresAt);
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection db, string key)
    {
        await using var query = new NpgsqlCommand("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = @key", db);
        query.Parameters.AddWithValue("key", key);
        return (long)(await query.ExecuteScalarAsync())! > 0;
    }
}
