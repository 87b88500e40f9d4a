using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kiosk.IntegrationTests.Platform;

[Collection(KioskCollection.Name)]
public sealed class PlatformTests(KioskAppFixture fixture)
{
    [Fact]
    public async Task Every_resource_reaches_healthy()
    {
        foreach (var name in KioskAppFixture.ResourceNames)
        {
            // Other tests take the broker down and up; a service may take a probe cycle to report ready again.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var state = await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
            Assert.Equal(HealthStatus.Healthy, state.Snapshot.HealthStatus);
            Assert.NotEmpty(state.Snapshot.HealthReports);
        }
    }

    [Fact]
    public async Task Gateway_serves_the_kiosk_home_page()
    {
        var response = await fixture.Gateway.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Gateway_routes_menu_requests_to_the_menu_service()
    {
        var categories = await fixture.Gateway.GetFromJsonAsync<JsonArray>("/api/menu/categories");

        Assert.NotNull(categories);
        Assert.NotEmpty(categories);
        Assert.NotNull(categories[0]?["code"]);
    }

    [Fact]
    public async Task Gateway_routes_cart_requests_to_the_cart_service()
    {
        var response = await fixture.Gateway.PostAsync("/api/carts", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var cart = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(cart?["cartId"]);
    }

    [Theory]
    [InlineData("/api/orders/6a1e1e0e-0000-4000-8000-000000000001", "orders")]
    [InlineData("/api/payments/6a1e1e0e-0000-4000-8000-000000000002", "payments")]
    public async Task Gateway_routes_orders_and_payments_requests_to_their_services(string path, string service)
    {
        using var staff = fixture.CreateStaffClient();
        var response = await staff.GetAsync(path);

        // A problem+json 404 comes from the service itself; the web app would answer text/html.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((await response.Content.ReadFromJsonAsync<JsonObject>())?["detail"]?.GetValue<string>()),
            $"The {service} service's 404 should say why.");
    }

    [Theory]
    [InlineData("menu")]
    [InlineData("carts")]
    [InlineData("orders")]
    [InlineData("payments")]
    public async Task Gateway_exposes_each_service_openapi_document(string prefix)
    {
        var document = await fixture.Gateway.GetFromJsonAsync<JsonObject>($"/api/{prefix}/openapi/v1.json");

        Assert.NotNull(document?["openapi"]);
        Assert.NotEmpty(document!["paths"]!.AsObject());
    }
}
