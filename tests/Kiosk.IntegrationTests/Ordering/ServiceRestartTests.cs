using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

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

        await ExecuteAsync("orders", KnownResourceCommands.StopCommand);
        try
        {
            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await fixture.App.ResourceNotifications.WaitForResourceAsync(
                "orders", [KnownResourceStates.Exited, KnownResourceStates.Finished], stopped.Token);

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
            await ExecuteAsync("orders", KnownResourceCommands.StartCommand);
        }

        using var started = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("orders", started.Token);
        var order = await _kiosk.WaitForOrderAsync(orderId);
        Assert.Equal("PENDING", order["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await _kiosk.PayWhenReadyAsync(orderId, order["total"]!.GetValue<decimal>())).StatusCode);
    }

    private async Task ExecuteAsync(string resourceName, string command)
    {
        var resource = fixture.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resourceName);
        var result = await fixture.App.ResourceCommands.ExecuteCommandAsync(resource, command);
        Assert.True(result.Success, $"'{command}' on {resourceName} failed: {result.Message}");
    }
}
