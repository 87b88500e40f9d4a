using Aspire.Hosting.Testing;
using Npgsql;

namespace Kiosk.IntegrationTests.Security;

/// <summary>Open carts left alone expire and are pruned; a cart in use does not; a checked-out cart stays for its order.</summary>
[Collection(EdgeCollection.Name)]
public sealed class CartExpiryTests(EdgeFixture fixture)
{
    private readonly KioskClient _kiosk = new(fixture);

    [Fact]
    public async Task An_open_cart_left_idle_answers_404_problem_to_an_add_and_is_pruned()
    {
        var cartId = await _kiosk.NewCartAsync();
        await _kiosk.AddAsync(cartId, 101, 1);

        await Eventually.TrueAsync(async () =>
        {
            using var response = await _kiosk.Customer.GetAsync($"/api/carts/{cartId}");
            return response.StatusCode == HttpStatusCode.NotFound;
        }, KioskClient.Patience, $"cart {cartId} to expire");

        using var add = await _kiosk.AddItemAsync(cartId, new { menuItemId = 101, quantity = 1 });
        var problem = await KioskClient.ProblemAsync(add, HttpStatusCode.NotFound);
        Assert.True((string?)problem["title"] is "Cart expired" or "Cart not found", problem.ToJsonString());
        Assert.Contains("POST /api/carts", (string?)problem["detail"], StringComparison.Ordinal);

        await Eventually.TrueAsync(async () => await CountAsync("""SELECT count(*) FROM "Carts" WHERE "Id" = @id""", cartId) == 0
            && await CountAsync("""SELECT count(*) FROM "CartLines" WHERE "CartId" = @id""", cartId) == 0,
            KioskClient.Patience, $"cart {cartId} and its lines to be pruned");
    }

    [Fact]
    public async Task A_cart_changed_more_often_than_the_idle_time_stays_open()
    {
        var cartId = await _kiosk.NewCartAsync();
        var lastChange = DateTimeOffset.UtcNow;
        var keepUntil = lastChange + EdgeFixture.OpenCartIdle * 2;
        var adds = 0;
        while (DateTimeOffset.UtcNow < keepUntil)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await _kiosk.AddAsync(cartId, 101, 1);
            adds++;
        }

        var cart = (await _kiosk.Customer.GetFromJsonAsync<JsonObject>($"/api/carts/{cartId}"))!;
        Assert.Equal("OPEN", (string?)cart["status"]);
        Assert.Equal(adds, cart["items"]![0]!["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_checked_out_cart_is_kept_for_its_order_after_the_idle_time()
    {
        var (orderId, _) = await _kiosk.PlaceOrderAsync((101, 1));
        using var staff = fixture.CreateStaffClient();
        var cartId = (await staff.GetFromJsonAsync<JsonObject>($"/api/carts/by-order/{orderId}"))!["cartId"]!.GetValue<string>();

        // Bounded: until a cart opened after this one has been pruned, so at least one sweep ran past the idle time.
        var later = await _kiosk.NewCartAsync();
        await Eventually.TrueAsync(async () => await CountAsync("""SELECT count(*) FROM "Carts" WHERE "Id" = @id""", later) == 0,
            KioskClient.Patience, $"the idle cart {later} to be pruned");

        using var byOrder = await staff.GetAsync($"/api/carts/by-order/{orderId}");
        Assert.Equal(HttpStatusCode.OK, byOrder.StatusCode);
        using var get = await _kiosk.Customer.GetAsync($"/api/carts/{cartId}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    private async Task<long> CountAsync(string sql, string cartId)
    {
        await using var db = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("cartdb"));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("id", Guid.Parse(cartId));
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
