using System.Net;
using System.Text.Json;
using Polly;

namespace Kiosk.Cart.Menu;

/// <summary>Reads items from the menu service: the only source of names and prices.</summary>
public sealed class MenuClient(HttpClient http)
{
    /// <summary>The item, or null when it is not on the menu.</summary>
    /// <exception cref="MenuUnavailableException">The menu service could not answer.</exception>
    public async Task<MenuItem?> FindItemAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"/api/menu/items/{id}", cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<MenuItem>(cancellationToken)
                ?? throw new JsonException("The menu answered with an empty body.");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or ExecutionRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Polly has already retried by now (standard resilience handler); the caller only needs to know it failed.
            throw new MenuUnavailableException($"Menu item {id} could not be read: {ex.Message}", ex);
        }
    }
}
