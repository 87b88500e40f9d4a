using System.Diagnostics;
using Xunit.Abstractions;

namespace Kiosk.IntegrationTests.Ordering;

[Collection(KioskCollection.Name)]
public sealed class OrderingFlowTests(KioskAppFixture fixture, ITestOutputHelper output)
{
    private readonly KioskClient _kiosk = new(fixture);

    [Fact]
    public async Task A_customer_orders_pays_at_the_counter_and_is_served()
    {
        var categories = await _kiosk.CategoriesAsync();
        Assert.True(categories.Count >= 8, "The menu should have at least 8 categories.");
        var chickenjoy = await _kiosk.MenuItemAsync(101);
        var pie = await _kiosk.MenuItemAsync(801);
        var expectedTotal = chickenjoy["price"]!.GetValue<decimal>() * 2 + pie["price"]!.GetValue<decimal>();

        var cartId = await _kiosk.NewCartAsync();
        await _kiosk.AddAsync(cartId, 101, 1);
        await _kiosk.AddAsync(cartId, 801, 1);
        var cart = await _kiosk.AddAsync(cartId, 101, 1);
        Assert.Equal(2, cart["items"]!.AsArray().Count);
        Assert.Equal(expectedTotal, cart["total"]!.GetValue<decimal>());

        var watch = Stopwatch.StartNew();
        var checkout = await _kiosk.CheckoutAsync(cartId, "TAKE_OUT");
        Assert.Equal(HttpStatusCode.Accepted, checkout.StatusCode);
        var placed = (await checkout.Content.ReadFromJsonAsync<JsonObject>())!;
        var orderId = placed["orderId"]!.GetValue<string>();
        Assert.Equal(expectedTotal, placed["total"]!.GetValue<decimal>());

        var order = await _kiosk.WaitForOrderAsync(orderId);
        output.WriteLine($"checkout → order visible: {watch.ElapsedMilliseconds} ms");
        Assert.Equal("PENDING", order["status"]!.GetValue<string>());
        Assert.Equal("TAKE_OUT", order["diningOption"]!.GetValue<string>());
        Assert.True(order["orderNumber"]!.GetValue<int>() > 0);
        Assert.Equal(expectedTotal, order["total"]!.GetValue<decimal>());
        var vatableSales = Math.Round(expectedTotal / 1.12m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(vatableSales, order["vatableSales"]!.GetValue<decimal>());
        Assert.Equal(expectedTotal - vatableSales, order["vat"]!.GetValue<decimal>());
        Assert.Equal(2, order["items"]!.AsArray().Count);

        var paid = await _kiosk.PayWhenReadyAsync(orderId, 500m);
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        var receipt = (await paid.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(500m - expectedTotal, receipt["change"]!.GetValue<decimal>());
        Assert.Equal(expectedTotal, receipt["total"]!.GetValue<decimal>());
        Assert.NotNull(paid.Headers.Location);

        using var staff = fixture.CreateStaffClient();
        var storedReceipt = await staff.GetFromJsonAsync<JsonObject>(paid.Headers.Location!.ToString());
        Assert.Equal(receipt["paymentId"]!.GetValue<string>(), storedReceipt!["paymentId"]!.GetValue<string>());

        var paidOrder = await _kiosk.WaitForOrderAsync(orderId, "PAID");
        Assert.NotNull(paidOrder["paidAt"]?.GetValue<DateTimeOffset>());
        var kitchenQueue = await staff.GetFromJsonAsync<JsonArray>("/api/orders?status=PAID");
        Assert.Contains(kitchenQueue!, o => o!["orderId"]!.GetValue<string>() == orderId);

        var completed = await staff.PostAsync($"/api/orders/{orderId}/complete", null);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var served = await _kiosk.WaitForOrderAsync(orderId, "COMPLETED");
        Assert.NotNull(served["completedAt"]?.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Prices_come_from_the_menu_whatever_the_client_sends()
    {
        var yumburger = await _kiosk.MenuItemAsync(201);
        var cartId = await _kiosk.NewCartAsync();

        var response = await _kiosk.AddItemAsync(cartId, new { menuItemId = 201, quantity = 2, price = 0.01m, name = "Free burger" });

        response.EnsureSuccessStatusCode();
        var line = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]![0]!;
        Assert.Equal(yumburger["price"]!.GetValue<decimal>(), line["unitPrice"]!.GetValue<decimal>());
        Assert.Equal(yumburger["name"]!.GetValue<string>(), line["name"]!.GetValue<string>());
        Assert.Equal(yumburger["price"]!.GetValue<decimal>() * 2, line["lineTotal"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Checkout_twice_returns_the_same_order_and_the_cart_is_then_frozen()
    {
        var cartId = await _kiosk.NewCartAsync();
        await _kiosk.AddAsync(cartId, 301, 1);

        var first = await (await _kiosk.CheckoutAsync(cartId)).Content.ReadFromJsonAsync<JsonObject>();
        var again = await _kiosk.CheckoutAsync(cartId);

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(first!["orderId"]!.GetValue<string>(), (await again.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>());
        await KioskClient.ProblemAsync(await _kiosk.AddItemAsync(cartId, new { menuItemId = 201, quantity = 1 }), HttpStatusCode.Conflict);
        var cart = await _kiosk.Customer.GetFromJsonAsync<JsonObject>($"/api/carts/{cartId}");
        Assert.Equal("CHECKED_OUT", cart!["status"]!.GetValue<string>());
        Assert.Equal(first["orderId"]!.GetValue<string>(), cart["orderId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Editing_and_removing_cart_lines_updates_the_total()
    {
        var cartId = await _kiosk.NewCartAsync();
        var cart = await _kiosk.AddAsync(cartId, 201, 1);
        cart = await _kiosk.AddAsync(cartId, 902, 1);
        var burgerLine = cart["items"]!.AsArray().Single(l => l!["menuItemId"]!.GetValue<int>() == 201)!;
        var drinkLine = cart["items"]!.AsArray().Single(l => l!["menuItemId"]!.GetValue<int>() == 902)!;

        var patched = await _kiosk.Customer.PatchAsJsonAsync($"/api/carts/{cartId}/items/{burgerLine["lineId"]}", new { quantity = 3 });
        patched.EnsureSuccessStatusCode();
        var removed = await _kiosk.Customer.DeleteAsync($"/api/carts/{cartId}/items/{drinkLine["lineId"]}");
        removed.EnsureSuccessStatusCode();

        var final = (await removed.Content.ReadFromJsonAsync<JsonObject>())!;
        var line = Assert.Single(final["items"]!.AsArray())!;
        Assert.Equal(3, line["quantity"]!.GetValue<int>());
        Assert.Equal(line["unitPrice"]!.GetValue<decimal>() * 3, final["total"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Twenty_concurrent_payments_take_exactly_one()
    {
        var (orderId, total) = await _kiosk.PlaceOrderAsync((102, 1));
        await _kiosk.WaitForOrderAsync(orderId);
        // Make sure the payment service has the order, so all twenty race on the payment itself.
        await Eventually.TrueAsync(async () => (await _kiosk.PayAsync(orderId, 0.5m)).StatusCode == HttpStatusCode.UnprocessableEntity,
            KioskClient.Patience, "the payment service to know the order");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _kiosk.PayAsync(orderId, total + 100m)));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, attempts.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await _kiosk.WaitForOrderAsync(orderId, "PAID");
    }

    [Fact]
    public async Task The_staff_list_keeps_only_orders_that_reached_their_status_since_a_given_time()
    {
        var (orderId, total) = await _kiosk.PlaceOrderAsync((704, 1));
        Assert.Equal(HttpStatusCode.Created, (await _kiosk.PayWhenReadyAsync(orderId, total)).StatusCode);
        var paid = await _kiosk.WaitForOrderAsync(orderId, "PAID");
        var paidAt = paid["paidAt"]!.GetValue<DateTimeOffset>();
        using var staff = fixture.CreateStaffClient();

        var sincePayment = await staff.GetFromJsonAsync<JsonArray>($"/api/orders?status=PAID&since={Uri.EscapeDataString(paidAt.ToString("O"))}");
        var afterPayment = await staff.GetFromJsonAsync<JsonArray>(
            $"/api/orders?status=PAID&since={Uri.EscapeDataString(paidAt.AddSeconds(1).ToString("O"))}");

        Assert.Contains(sincePayment!, o => o!["orderId"]!.GetValue<string>() == orderId);
        Assert.DoesNotContain(afterPayment!, o => o!["orderId"]!.GetValue<string>() == orderId);
    }

    [Fact]
    public async Task Staff_endpoints_refuse_calls_without_the_key()
    {
        var anyId = Guid.NewGuid();
        var calls = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, "/api/orders?status=PAID", null),
            (HttpMethod.Post, $"/api/orders/{anyId}/complete", null),
            (HttpMethod.Post, "/api/payments", new { orderId = anyId, amountPaid = 100m }),
            (HttpMethod.Get, $"/api/payments/{anyId}", null),
            (HttpMethod.Put, "/api/menu/items/101/availability", new { available = false }),
        };

        foreach (var (method, path, body) in calls)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Add("X-Api-Key", "wrong-key");
            await KioskClient.ProblemAsync(await _kiosk.Customer.SendAsync(request), HttpStatusCode.Unauthorized);
            using var anonymous = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            await KioskClient.ProblemAsync(await _kiosk.Customer.SendAsync(anonymous), HttpStatusCode.Unauthorized);
        }
        Assert.True((await _kiosk.MenuItemAsync(101))["available"]!.GetValue<bool>(), "A refused call must change nothing.");
    }
}
