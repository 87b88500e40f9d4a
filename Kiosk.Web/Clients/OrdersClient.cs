namespace Kiosk.Web.Clients;

/// <summary>The orders service (<c>http://orders</c>); lists and completion are staff calls.</summary>
public sealed class OrdersClient(HttpClient http, ILogger<OrdersClient> logger)
{
    public Task<ServiceResult<Order>> GetAsync(Guid orderId, CancellationToken ct) =>
        Send<Order>(new(HttpMethod.Get, $"/api/orders/{orderId}"), ct);

    /// <summary>Orders in one status, oldest first; with <paramref name="since"/>, only those that reached it since then.</summary>
    public Task<ServiceResult<IReadOnlyList<Order>>> ListAsync(string status, CancellationToken ct, DateTimeOffset? since = null) =>
        Send<IReadOnlyList<Order>>(new(HttpMethod.Get, since is { } from
            ? $"/api/orders?status={Uri.EscapeDataString(status)}&since={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}"
            : $"/api/orders?status={Uri.EscapeDataString(status)}"), ct);

    public Task<ServiceResult<Order>> CompleteAsync(Guid orderId, CancellationToken ct) =>
        Send<Order>(new(HttpMethod.Post, $"/api/orders/{orderId}/complete"), ct);

    private Task<ServiceResult<T>> Send<T>(HttpRequestMessage request, CancellationToken ct) =>
        ServiceCall.SendAsync<T>(http, request, logger, ct);
}
