namespace Kiosk.IntegrationTests.Replicas;

/// <summary>
/// A kiosk and its cashier that ride out a replica going away, as a real client should: a call that ends in 502/503/504
/// or a dropped connection is sent again (checkout is safe to repeat; a repeated payment answers 409 "already paid").
/// </summary>
public sealed class ReplicaKiosk(ReplicaAppFixture fixture, HttpClient staff)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private const int MenuItemId = 101;

    public sealed record Placed(Guid OrderId, Guid CartId);

    public async Task<Placed> PlaceAndPayAsync()
    {
        var customer = fixture.Gateway;
        var cart = await SendAsync(() => customer.PostAsync("/api/carts", null), HttpStatusCode.Created, "a new cart");
        var cartId = cart!["cartId"]!.GetValue<Guid>();
        await SendAsync(() => customer.PostAsJsonAsync($"/api/carts/{cartId}/items", new { menuItemId = MenuItemId, quantity = 1 }),
            HttpStatusCode.OK, $"an item in cart {cartId}");
        var checkout = await SendAsync(() => customer.PostAsJsonAsync($"/api/carts/{cartId}/checkout", new { diningOption = "DINE_IN" }),
            HttpStatusCode.Accepted, $"checkout of cart {cartId}");
        var orderId = checkout!["orderId"]!.GetValue<Guid>();

        var order = await WaitForStatusAsync(orderId, "PENDING");
        var total = order["total"]!.GetValue<decimal>();
        await SendAsync(() => staff.PostAsJsonAsync("/api/payments", new { orderId, amountPaid = total }),
            HttpStatusCode.Created, $"payment of order {orderId}", alsoFine: HttpStatusCode.Conflict);
        await WaitForStatusAsync(orderId, "PAID");
        return new Placed(orderId, cartId);
    }

    private async Task<JsonObject> WaitForStatusAsync(Guid orderId, string status) =>
        (await Eventually.ResultAsync(async () =>
        {
            var response = await TryAsync(() => fixture.Gateway.GetAsync($"/api/orders/{orderId}"));
            if (response is not { StatusCode: HttpStatusCode.OK })
            {
                return null;
            }
            var order = await response.Content.ReadFromJsonAsync<JsonObject>();
            // An order already PAID has been PENDING: both satisfy a wait for PENDING.
            var current = order?["status"]?.GetValue<string>();
            return current == status || (status == "PENDING" && current == "PAID") ? order : null;
        }, Patience, $"order {orderId} to be {status}"))!;

    /// <summary>Sends until the answer is not a gateway or availability error, then checks it.</summary>
    private static async Task<JsonObject?> SendAsync(
        Func<Task<HttpResponseMessage>> send, HttpStatusCode expected, string what, HttpStatusCode? alsoFine = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var response = await TryAsync(send);
            if (response is not null && !IsRetryable(response.StatusCode))
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == expected || response.StatusCode == alsoFine,
                    $"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
                return body.Length == 0 ? null : JsonNode.Parse(body) as JsonObject;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: still failing after {Patience.TotalSeconds:0} s (last: {response?.StatusCode}).");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static async Task<HttpResponseMessage?> TryAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
