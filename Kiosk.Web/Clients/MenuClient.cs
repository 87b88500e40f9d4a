using System.Net.Http.Json;

namespace Kiosk.Web.Clients;

/// <summary>The menu service (<c>http://menu</c>): categories, items, and the staff availability switch.</summary>
public sealed class MenuClient(HttpClient http, ILogger<MenuClient> logger)
{
    public Task<ServiceResult<IReadOnlyList<MenuCategory>>> GetCategoriesAsync(CancellationToken ct) =>
        Send<IReadOnlyList<MenuCategory>>(new(HttpMethod.Get, "/api/menu/categories"), ct);

    public Task<ServiceResult<IReadOnlyList<MenuItem>>> GetItemsAsync(string categoryCode, CancellationToken ct) =>
        Send<IReadOnlyList<MenuItem>>(new(HttpMethod.Get, $"/api/menu/categories/{Uri.EscapeDataString(categoryCode)}/items"), ct);

    public Task<ServiceResult<MenuItem>> GetItemAsync(int id, CancellationToken ct) =>
        Send<MenuItem>(new(HttpMethod.Get, $"/api/menu/items/{id}"), ct);

    public Task<ServiceResult<MenuItem>> SetAvailabilityAsync(int id, bool available, CancellationToken ct) =>
        Send<MenuItem>(new(HttpMethod.Put, $"/api/menu/items/{id}/availability") { Content = JsonContent.Create(new { available }) }, ct);

    /// <summary>Answers the item the choice belongs to.</summary>
    public Task<ServiceResult<MenuItem>> SetChoiceAvailabilityAsync(int choiceId, bool available, CancellationToken ct) =>
        Send<MenuItem>(new(HttpMethod.Put, $"/api/menu/choices/{choiceId}/availability") { Content = JsonContent.Create(new { available }) }, ct);

    private Task<ServiceResult<T>> Send<T>(HttpRequestMessage request, CancellationToken ct) =>
        ServiceCall.SendAsync<T>(http, request, logger, ct);
}
