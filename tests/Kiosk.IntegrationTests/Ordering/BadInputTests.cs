namespace Kiosk.IntegrationTests.Ordering;

[Collection(KioskCollection.Name)]
public sealed class BadInputTests(KioskAppFixture fixture)
{
    private readonly KioskClient _kiosk = new(fixture);

    [Fact]
    public async Task Menu_answers_404_for_an_unknown_category_or_item()
    {
        await KioskClient.ProblemAsync(await _kiosk.Customer.GetAsync("/api/menu/categories/NO_SUCH/items"), HttpStatusCode.NotFound);
        await KioskClient.ProblemAsync(await _kiosk.Customer.GetAsync("/api/menu/items/99999"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    [InlineData(-3)]
    public async Task Cart_refuses_a_quantity_outside_1_to_20(int quantity)
    {
        var cartId = await _kiosk.NewCartAsync();
        await KioskClient.ProblemAsync(await _kiosk.AddItemAsync(cartId, new { menuItemId = 201, quantity }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Cart_refuses_to_grow_a_line_past_20()
    {
        var cartId = await _kiosk.NewCartAsync();
        await _kiosk.AddAsync(cartId, 201, 15);
        await KioskClient.ProblemAsync(await _kiosk.AddItemAsync(cartId, new { menuItemId = 201, quantity = 6 }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Cart_refuses_an_item_that_is_not_on_the_menu()
    {
        var cartId = await _kiosk.NewCartAsync();
        await KioskClient.ProblemAsync(await _kiosk.AddItemAsync(cartId, new { menuItemId = 99999, quantity = 1 }), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Cart_refuses_a_sold_out_item()
    {
        using var staff = fixture.CreateStaffClient();
        (await staff.PutAsJsonAsync("/api/menu/items/805/availability", new { available = false })).EnsureSuccessStatusCode();
        try
        {
            var cartId = await _kiosk.NewCartAsync();
            var problem = await KioskClient.ProblemAsync(await _kiosk.AddItemAsync(cartId, new { menuItemId = 805, quantity = 1 }), HttpStatusCode.Conflict);
            Assert.Contains("sold out", problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            (await staff.PutAsJsonAsync("/api/menu/items/805/availability", new { available = true })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Cart_answers_404_for_an_unknown_cart()
    {
        await KioskClient.ProblemAsync(await _kiosk.Customer.GetAsync($"/api/carts/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Checkout_of_an_empty_cart_is_refused()
    {
        var cartId = await _kiosk.NewCartAsync();
        await KioskClient.ProblemAsync(await _kiosk.CheckoutAsync(cartId), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Checkout_needs_a_known_dining_option()
    {
        var cartId = await _kiosk.NewCartAsync();
        await _kiosk.AddAsync(cartId, 201, 1);
        await KioskClient.ProblemAsync(await _kiosk.CheckoutAsync(cartId, "DRIVE_THRU"), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData("abc")]
    public async Task Payment_refuses_a_non_positive_or_non_numeric_amount(object amount)
    {
        var (orderId, _) = await _kiosk.PlaceOrderAsync((201, 1));
        await KioskClient.ProblemAsync(await _kiosk.PayAsync(orderId, amount), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Payment_of_too_little_names_the_amount_due()
    {
        var (orderId, total) = await _kiosk.PlaceOrderAsync((101, 1));
        await _kiosk.WaitForOrderAsync(orderId);

        var response = await _kiosk.PayWhenReadyAsync(orderId, 1.00m);

        var problem = await KioskClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(total, problem["amountDue"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Paying_an_order_twice_is_refused()
    {
        var (orderId, total) = await _kiosk.PlaceOrderAsync((201, 1));
        Assert.Equal(HttpStatusCode.Created, (await _kiosk.PayWhenReadyAsync(orderId, total)).StatusCode);

        await KioskClient.ProblemAsync(await _kiosk.PayAsync(orderId, total), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Paying_an_unknown_order_answers_404()
    {
        await KioskClient.ProblemAsync(await _kiosk.PayAsync(Guid.NewGuid().ToString(), 100m), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Completing_an_unpaid_order_is_a_conflict()
    {
        var (orderId, _) = await _kiosk.PlaceOrderAsync((201, 1));
        await _kiosk.WaitForOrderAsync(orderId);
        using var staff = fixture.CreateStaffClient();

        await KioskClient.ProblemAsync(await staff.PostAsync($"/api/orders/{orderId}/complete", null), HttpStatusCode.Conflict);
    }
}
