using System.Net.Http.Json;

namespace Kiosk.Web.Clients;

/// <summary>The cart service (<c>http://cart</c>): one cart per kiosk session, priced by the menu service.</summary>
public sealed class CartClient(HttpClient http, ILogger<CartClient> logger)
{
    public Task<ServiceResult<Cart>> CreateAsync(CancellationToken ct) =>
        Send<Cart>(new(HttpMethod.Post, "/api/carts"), ct);

    public Task<ServiceResult<Cart>> GetAsync(Guid cartId, CancellationToken ct) =>
        Send<Cart>(new(HttpMethod.Get, $"/api/carts/{cartId}"), ct);

    /// <param name="idempotencyKey">One per tap on "Add to order": a resend with it adds nothing more.</param>
    public Task<ServiceResult<Cart>> AddItemAsync(Guid cartId, int menuItemId, int quantity, string idempotencyKey, CancellationToken ct) =>
        Send<Cart>(new HttpRequestMessage(HttpMethod.Post, $"/api/carts/{cartId}/items") { Content = JsonContent.Create(new { menuItemId, quantity }) }
            .WithIdempotencyKey(idempotencyKey), ct);

    /// <param name="choiceIds">The customer's whole choice for an item with options (the service checks and prices them).</param>
    public Task<ServiceResult<Cart>> AddItemAsync(
        Guid cartId, int menuItemId, int quantity, IReadOnlyList<int> choiceIds, string? note, string idempotencyKey, CancellationToken ct) =>
        Send<Cart>(new HttpRequestMessage(HttpMethod.Post, $"/api/carts/{cartId}/items") { Content = JsonContent.Create(new { menuItemId, quantity, choiceIds, note }) }
            .WithIdempotencyKey(idempotencyKey), ct);

    public Task<ServiceResult<Cart>> SetQuantityAsync(Guid cartId, string lineId, int quantity, CancellationToken ct) =>
        Send<Cart>(new(HttpMethod.Patch, $"/api/carts/{cartId}/items/{Uri.EscapeDataString(lineId)}") { Content = JsonContent.Create(new { quantity }) }, ct);

    public Task<ServiceResult<Cart>> RemoveLineAsync(Guid cartId, string lineId, CancellationToken ct) =>
        Send<Cart>(new(HttpMethod.Delete, $"/api/carts/{cartId}/items/{Uri.EscapeDataString(lineId)}"), ct);

    /// <summary>Safe to resend: checking out a cart again answers the same order.</summary>
    public Task<ServiceResult<CheckoutAccepted>> CheckoutAsync(Guid cartId, string diningOption, CancellationToken ct) =>
        Send<CheckoutAccepted>(new HttpRequestMessage(HttpMethod.Post, $"/api/carts/{cartId}/checkout") { Content = JsonContent.Create(new { diningOption }) }
            .MarkIdempotent(), ct);

    private Task<ServiceResult<T>> Send<T>(HttpRequestMessage request, CancellationToken ct) =>
        ServiceCall.SendAsync<T>(http, request, logger, ct);
}
