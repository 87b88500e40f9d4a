using System.Diagnostics;
using Aspire.Hosting.Testing;

namespace Kiosk.IntegrationTests.Ordering;

/// <summary>
/// Menu reads are cached (by the menu service, and for a second by the gateway) and carry an ETag: a kiosk that already
/// has the menu gets 304 without a body, and switching an item sold out evicts the cached reads so the very next read
/// shows it.
/// </summary>
[Collection(KioskCollection.Name)]
public sealed class MenuCachingTests(KioskAppFixture fixture)
{
    // An item no other test orders or switches, so switching it does not disturb them.
    private const int Item = 803;
    private const string Category = "DESSERTS";

    private readonly KioskClient _kiosk = new(fixture);

    [Theory]
    [InlineData("/api/menu/categories")]
    [InlineData("/api/menu/categories/DESSERTS/items")]
    [InlineData("/api/menu/items/801")]
    public async Task A_read_with_the_ETag_of_the_current_menu_answers_304_without_a_body(string path)
    {
        var first = await _kiosk.Customer.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await _kiosk.Customer.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"an-older-menu\""));
        var full = await _kiosk.Customer.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(etag, full.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await full.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Switching_an_item_sold_out_shows_in_the_next_read_and_changes_the_ETag()
    {
        using var staff = fixture.CreateStaffClient();
        var path = $"/api/menu/categories/{Category}/items";
        // Read twice, so the list is certainly in the cache before the switch.
        await _kiosk.Customer.GetAsync(path);
        var before = await _kiosk.Customer.GetAsync(path);
        Assert.True(AvailableIn(await before.Content.ReadFromJsonAsync<JsonArray>()));
        Assert.True((await _kiosk.MenuItemAsync(Item))["available"]!.GetValue<bool>());

        try
        {
            (await staff.PutAsJsonAsync($"/api/menu/items/{Item}/availability", new { available = false })).EnsureSuccessStatusCode();

            using var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
            revalidate.Headers.IfNoneMatch.Add(before.Headers.ETag!);
            var after = await _kiosk.Customer.SendAsync(revalidate);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
            Assert.False(AvailableIn(await after.Content.ReadFromJsonAsync<JsonArray>()));
            Assert.False((await _kiosk.MenuItemAsync(Item))["available"]!.GetValue<bool>());

            // The switch evicted the menu's cache, so the very next add is refused.
            using var add = await _kiosk.AddItemAsync(await _kiosk.NewCartAsync(), new { menuItemId = Item, quantity = 1 });
            Assert.Equal(HttpStatusCode.Conflict, add.StatusCode);
        }
        finally
        {
            (await staff.PutAsJsonAsync($"/api/menu/items/{Item}/availability", new { available = true })).EnsureSuccessStatusCode();
        }
        Assert.True(AvailableIn(await _kiosk.Customer.GetFromJsonAsync<JsonArray>(path)));
    }

    [Fact]
    public async Task The_gateway_answers_a_repeated_menu_read_from_its_cache_and_shows_a_switch_made_past_it_within_a_second()
    {
        // The crew screens switch items straight at the menu service, so the gateway hears nothing of it.
        using var menu = fixture.App.CreateHttpClient("menu", "http");
        menu.DefaultRequestHeaders.Add("X-Api-Key", KioskAppFixture.StaffApiKeyForTests);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                // A query of its own makes a new entry in the gateway's cache, filled by this very read.
                var path = $"/api/menu/categories/{Category}/items?probe={Guid.NewGuid():N}";
                Assert.True(AvailableIn(await _kiosk.Customer.GetFromJsonAsync<JsonArray>(path)));
                var filled = Stopwatch.StartNew();
                (await menu.PutAsJsonAsync($"/api/menu/items/{Item}/availability", new { available = false })).EnsureSuccessStatusCode();
                var repeated = await _kiosk.Customer.GetFromJsonAsync<JsonArray>(path);
                if (filled.Elapsed < TimeSpan.FromMilliseconds(700))
                {
                    // The menu service evicted its own cache with the switch: only the gateway's copy can still say available.
                    Assert.True(AvailableIn(repeated), "The repeated read was forwarded to the menu service, not answered from the gateway's cache.");
                    await Eventually.TrueAsync(async () => !AvailableIn(await _kiosk.Customer.GetFromJsonAsync<JsonArray>(path)),
                        TimeSpan.FromSeconds(10), "the gateway's cached menu to show the switch (it keeps a read for at most a second)");
                    break;
                }
                // Too slow to tell the gateway's copy from an expired one: switch back and try again.
                Assert.True(attempt < 5, "Five attempts were each too slow (over 700 ms) to catch the gateway's cached copy.");
                (await menu.PutAsJsonAsync($"/api/menu/items/{Item}/availability", new { available = true })).EnsureSuccessStatusCode();
            }
        }
        finally
        {
            (await menu.PutAsJsonAsync($"/api/menu/items/{Item}/availability", new { available = true })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_staff_read_through_the_gateway_is_never_served_from_its_cache_to_a_caller_without_the_key()
    {
        using var staff = fixture.CreateStaffClient();
        foreach (var path in new[] { "/api/menu/outbox/parked", "/api/menu/audit?limit=1" })
        {
            // Twice, so a cache that kept staff answers would certainly hold this one.
            (await staff.GetAsync(path)).EnsureSuccessStatusCode();
            (await staff.GetAsync(path)).EnsureSuccessStatusCode();

            using var anonymous = await _kiosk.Customer.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
    }

    private static bool AvailableIn(JsonArray? items) =>
        items!.Single(i => i!["id"]!.GetValue<int>() == Item)!["available"]!.GetValue<bool>();
}
