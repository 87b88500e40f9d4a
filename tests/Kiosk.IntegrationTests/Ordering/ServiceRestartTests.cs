namespace Kiosk.IntegrationTests.Ordering;

/// <summary>Kafka holds what a stopped service has not consumed yet: it catches up when it comes back, and nothing is lost.</summary>
[Collection(KioskCollection.Name)]
public sealed class ServiceRestartTests(KioskAppFixture fixture)
{
    private readonly KioskClient _kiosk = new(fixture);

    [Fact]
    public async Task A_checkout_made_while_the_order_service_is_down_becomes_an_order_when_it_is_back()
    {
        var cartId = await _kiosk.NewCartAsync();
        await _kiosk.AddAsync(cartId, 603, 1);
        string orderId;

        await fixture.StopAsync("orders");
        try
        {
            var checkout = await _kiosk.CheckoutAsync(cartId);
            Assert.Equal(HttpStatusCode.Accepted, checkout.StatusCode);
            orderId = (await checkout.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>();
            // Through the gateway, a stopped service is a clear problem within seconds, not a hang or an HTML page
            // (refused at once: 502; behind a development proxy that accepts and never answers: 504 after the gateway's timeout).
            var whileDown = await _kiosk.Customer.GetAsync($"/api/orders/{orderId}");
            Assert.Contains(whileDown.StatusCode, new[] { HttpStatusCode.BadGateway, HttpStatusCode.GatewayTimeout });
            await KioskClient.ProblemAsync(whileDown, whileDown.StatusCode);
        }
        finally
        {
            await fixture.StartAsync("orders");
        }

        var order = await _kiosk.WaitForOrderAsync(orderId);
        Assert.Equal("PENDING", order["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await _kiosk.PayWhenReadyAsync(orderId, order["total"]!.GetValue<decimal>())).StatusCode);
    }
}
