using System.Net;
using Polly;

namespace Kiosk.Payments.Orders;

/// <summary>Asks the order service about an order that payments has not heard of yet.</summary>
public sealed class OrdersClient(HttpClient http, ILogger<OrdersClient> logger)
{
    public async Task<OrderLookup> FindOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(
                new Uri($"/api/orders/{orderId}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return OrderLookup.NotFound;
            }

            response.EnsureSuccessStatusCode();
            return OrderLookup.Found;
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException)
        {
            logger.LogWarning(ex, "Could not ask the order service about order {OrderId}", orderId);
            return OrderLookup.Unreachable;
        }
    }
}
