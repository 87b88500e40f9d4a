using System.Net;
using System.Net.Http.Json;
using Polly;

namespace Kiosk.Payments.Orders;

/// <summary>Asks the order service about an order that payments has not heard of yet.</summary>
public sealed class OrdersClient(HttpClient http, ILogger<OrdersClient> logger)
{
    /// <summary>
    /// The order as the order service holds it (the authority on number, total and status), so a payment can be taken the
    /// moment the order is visible instead of waiting for <c>ORDER_CREATED</c> to arrive.
    /// </summary>
    public async Task<(OrderLookup Lookup, OrderFacts? Order)> GetOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var path = $"/api/orders/{orderId}";
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return (OrderLookup.NotFound, null);
            }

            response.EnsureSuccessStatusCode();
            var order = await response.Content.ReadFromJsonAsync<OrderFacts>(cancellationToken);
            return order is { OrderId: var id } && id == orderId ? (OrderLookup.Found, order) : (OrderLookup.Unreachable, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException or System.Text.Json.JsonException)
        {
            logger.LogWarning(ex, "Could not ask {Service} about {Path}", http.BaseAddress, path);
            return (OrderLookup.Unreachable, null);
        }
    }
}

/// <summary>The fields of the order service's <c>GET /api/orders/{id}</c> answer that payments needs.</summary>
public sealed record OrderFacts(Guid OrderId, int OrderNumber, string Status, decimal Total, DateTimeOffset CreatedAt)
{
    /// <summary>Only a PENDING order still takes cash; PAID and COMPLETED were paid here already.</summary>
    public bool IsPending => Status == "PENDING";
}
