namespace Kiosk.IntegrationTests;

/// <summary>The public HTTP API as a kiosk client sees it, through the gateway; keeps the tests about behaviour, not plumbing.</summary>
public sealed class KioskClient(KioskAppFixture fixture)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public HttpClient Customer => fixture.Gateway;

    public async Task<JsonArray> CategoriesAsync() =>
        (await Customer.GetFromJsonAsync<JsonArray>("/api/menu/categories"))!;

    public async Task<JsonObject> MenuItemAsync(int id) =>
        (await Customer.GetFromJsonAsync<JsonObject>($"/api/menu/items/{id}"))!;

    public async Task<string> NewCartAsync()
    {
        var response = await Customer.PostAsync("/api/carts", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["cartId"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> AddItemAsync(string cartId, object body) =>
        Customer.PostAsJsonAsync($"/api/carts/{cartId}/items", body);

    public async Task<JsonObject> AddAsync(string cartId, int menuItemId, int quantity)
    {
        var response = await AddItemAsync(cartId, new { menuItemId, quantity });
        Assert.True(response.IsSuccessStatusCode, $"Adding item {menuItemId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public Task<HttpResponseMessage> CheckoutAsync(string cartId, string diningOption = "DINE_IN") =>
        Customer.PostAsJsonAsync($"/api/carts/{cartId}/checkout", new { diningOption });

    public async Task<(string OrderId, decimal Total)> PlaceOrderAsync(params (int MenuItemId, int Quantity)[] lines)
    {
        var cartId = await NewCartAsync();
        foreach (var (menuItemId, quantity) in lines)
        {
            await AddAsync(cartId, menuItemId, quantity);
        }
        var response = await CheckoutAsync(cartId);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["orderId"]!.GetValue<string>(), body["total"]!.GetValue<decimal>());
    }

    /// <summary>Polls GET /api/orders/{id} as FLOW.md tells a kiosk to, until the order exists (and has the wanted status).</summary>
    public Task<JsonObject> WaitForOrderAsync(string orderId, string? status = null) =>
        Eventually.ResultAsync(async () =>
        {
            var response = await Customer.GetAsync($"/api/orders/{orderId}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            response.EnsureSuccessStatusCode();
            var order = await response.Content.ReadFromJsonAsync<JsonObject>();
            return status is null || order?["status"]?.GetValue<string>() == status ? order : null;
        }, Patience, status is null ? $"order {orderId} to appear" : $"order {orderId} to be {status}");

    public async Task<HttpResponseMessage> PayAsync(string orderId, object amountPaid)
    {
        using var staff = fixture.CreateStaffClient();
        return await staff.PostAsJsonAsync("/api/payments", new { orderId, amountPaid });
    }

    /// <summary>Pays once the payment service knows the order (it answers 503 + Retry-After until ORDER_CREATED arrives).</summary>
    public async Task<HttpResponseMessage> PayWhenReadyAsync(string orderId, decimal amountPaid)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var response = await PayAsync(orderId, amountPaid);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                return response;
            }
            await Task.Delay(TimeSpan.FromSeconds(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 1));
        }
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()), $"The problem has no detail: {text}");
        return problem;
    }
}
