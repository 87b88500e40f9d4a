using System.Net.Http.Json;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>A menu item as a test needs it: where to tap and what it should cost.</summary>
public sealed record MenuPick(int Id, string CategoryCode, string Name, decimal Price);

/// <summary>Reads the live menu through the gateway, so browser tests tap whatever the menu service really serves.</summary>
public static class MenuCatalog
{
    private sealed record Category(string Code, string Name, int SortOrder);

    private sealed record Item(int Id, string CategoryCode, string Name, decimal Price, bool Available);

    public static async Task<IReadOnlyList<MenuPick>> AvailableItemsAsync(HttpClient gateway)
    {
        var categories = await gateway.GetFromJsonAsync<List<Category>>("/api/menu/categories")
            ?? throw new InvalidOperationException("GET /api/menu/categories returned no body.");
        var picks = new List<MenuPick>();
        foreach (var category in categories)
        {
            var items = await gateway.GetFromJsonAsync<List<Item>>($"/api/menu/categories/{Uri.EscapeDataString(category.Code)}/items") ?? [];
            picks.AddRange(items.Where(i => i.Available).Select(i => new MenuPick(i.Id, i.CategoryCode, i.Name, i.Price)));
        }
        Assert.True(picks.Count >= 3, $"The browser tests need at least three available menu items; the menu has {picks.Count}.");
        return picks;
    }

    public static async Task SetAvailabilityAsync(HttpClient staff, int itemId, bool available)
    {
        using var response = await staff.PutAsJsonAsync($"/api/menu/items/{itemId}/availability", new { available });
        Assert.True(response.IsSuccessStatusCode,
            $"PUT /api/menu/items/{itemId}/availability answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
