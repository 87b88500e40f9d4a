namespace Kiosk.Payments.Orders;

/// <summary>Asks the order service about an order that payments has not heard of yet.</summary>
public sealed class OrdersClient(HttpClient http, ILogger<OrdersClient> logger)
{
    public Task<OrderLookup> FindOrderAsync(Guid orderId, CancellationToken cancellationToken) =>
        OrderLookups.AskAsync(http, $"/api/orders/{orderId}", logger, cancellationToken);
}
