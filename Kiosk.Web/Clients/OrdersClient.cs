namespace Kiosk.Web.Clients;

/// <summary>The orders service (<c>http://orders</c>); lists and completion are staff calls.</summary>
public sealed class OrdersClient(HttpClient http, ILogger<OrdersClient> logger)
{
    public Task<ServiceResult<Order>> GetAsync(Guid orderId, CancellationToken ct) =>
        Send<Order>(new(HttpMethod.Get, $"/api/orders/{orderId}"), ct);

    /// <summary>
    /// Today's orders (the store's business day) in one status, oldest first; with <paramref name="since"/>, only those that
    /// reached it since then. Numbers restart each day, so no crew screen may show yesterday's #5 beside today's.
    /// </summary>
    public Task<ServiceResult<IReadOnlyList<Order>>> ListAsync(string status, CancellationToken ct, DateTimeOffset? since = null) =>
        Send<IReadOnlyList<Order>>(new(HttpMethod.Get, since is { } from
            ? $"/api/orders?status={Uri.EscapeDataString(status)}&businessDay=today&since={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}"
            : $"/api/orders?status={Uri.EscapeDataString(status)}&businessDay=today"), ct);

    /// <summary>Staff end an unpaid order; payments refuses its cash from then on.</summary>
    public Task<ServiceResult<Order>> CancelAsync(Guid orderId, string reason, CancellationToken ct) =>
        Send<Order>(new(HttpMethod.Post, $"/api/orders/{orderId}/cancel") { Content = System.Net.Http.Json.JsonContent.Create(new { reason }) }, ct);

    public Task<ServiceResult<Order>> CompleteAsync(Guid orderId, CancellationToken ct) =>
        Send<Order>(new(HttpMethod.Post, $"/api/orders/{orderId}/complete"), ct);

    private Task<ServiceResult<T>> Send<T>(HttpRequestMessage request, CancellationToken ct) =>
        ServiceCall.SendAsync<T>(http, request, logger, ct);
}
