namespace Kiosk.Payments.Orders;

/// <summary>
/// Asks the cart service whether a checkout became this order: it knows the order the moment the checkout commits,
/// even while CART_CHECKOUT still waits in its outbox (a broker outage).
/// </summary>
public sealed class CartsClient(HttpClient http, ILogger<CartsClient> logger)
{
    public Task<OrderLookup> FindCheckoutAsync(Guid orderId, CancellationToken cancellationToken) =>
        OrderLookups.AskAsync(http, $"/api/carts/by-order/{orderId}", logger, cancellationToken);
}
