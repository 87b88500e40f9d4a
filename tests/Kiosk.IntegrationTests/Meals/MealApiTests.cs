using Kiosk.Contracts;
using Kiosk.Contracts.Events;

namespace Kiosk.IntegrationTests.Meals;

/// <summary>Value meals through the gateway: the menu's option groups, cart adds with choices, every refusal, checkout.</summary>
[Collection(KioskCollection.Name)]
public sealed class MealApiTests(KioskAppFixture fixture)
{
    // Meal 601: 1-pc Chickenjoy Meal with Drink, ₱135. 9101 Iced Tea, 9103 Pineapple Juice +10, 9111 Regular, 9112 Large +20,
    // 9121 Rice, 9122 Jolly Spaghetti instead of rice +45, 9131 Original, 9132 Spicy, 9141–9143 add-ons (max 2).
    private const int Meal = 601;
    private readonly KioskClient _kiosk = new(fixture);

    [Fact]
    public async Task An_item_shows_its_option_groups_required_first_and_a_plain_item_an_empty_list()
    {
        var meal = await _kiosk.MenuItemAsync(Meal);

        Assert.True(meal["hasOptions"]!.GetValue<bool>());
        var groups = meal["optionGroups"]!.AsArray();
        Assert.Equal(["DRINK", "DRINK_SIZE", "SIDE", "FLAVOR", "ADD_ONS"], groups.Select(g => g!["code"]!.GetValue<string>()));
        var size = groups[1]!;
        Assert.Equal((1, 1), (size["min"]!.GetValue<int>(), size["max"]!.GetValue<int>()));
        var large = size["choices"]!.AsArray().Single(c => c!["id"]!.GetValue<int>() == 9112)!;
        Assert.Equal(("Large drink", 20.00m, true, false),
            (large["name"]!.GetValue<string>(), large["priceDelta"]!.GetValue<decimal>(), large["available"]!.GetValue<bool>(), large["default"]!.GetValue<bool>()));
        Assert.Equal(2, groups[4]!["max"]!.GetValue<int>());

        var plain = await _kiosk.MenuItemAsync(801);
        Assert.False(plain["hasOptions"]!.GetValue<bool>());
        Assert.Empty(plain["optionGroups"]!.AsArray());

        var solo = await _kiosk.MenuItemAsync(101);
        Assert.Equal(Meal, solo["mealId"]!.GetValue<int>());
    }

    [Fact]
    public async Task Category_lists_say_which_items_have_options()
    {
        var meals = (await _kiosk.Customer.GetFromJsonAsync<JsonArray>("/api/menu/categories/VALUE_MEALS/items"))!;
        Assert.True(meals.Count >= 6);
        Assert.All(meals, m => Assert.True(m!["hasOptions"]!.GetValue<bool>()));

        var desserts = (await _kiosk.Customer.GetFromJsonAsync<JsonArray>("/api/menu/categories/DESSERTS/items"))!;
        Assert.All(desserts, d => Assert.False(d!["hasOptions"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Adding_with_choices_prices_the_line_as_base_plus_deltas_whatever_price_the_client_sends()
    {
        var cartId = await _kiosk.NewCartAsync();

        var cart = await AddOkAsync(cartId, new
        {
            menuItemId = Meal, quantity = 2, choiceIds = Ids(9122, 9103, 9112, 9131), note = "no ice",
            price = 1.00m, unitPrice = 1.00m, priceDelta = 0m,
        });

        var line = Assert.Single(cart["items"]!.AsArray())!;
        Assert.Equal(135.00m + 10.00m + 20.00m + 45.00m, line["unitPrice"]!.GetValue<decimal>());
        Assert.Equal(420.00m, line["lineTotal"]!.GetValue<decimal>());
        Assert.Equal(420.00m, cart["total"]!.GetValue<decimal>());
        Assert.Equal("no ice", line["note"]!.GetValue<string>());
        Assert.Equal(
            [(9103, "Pineapple Juice", 10.00m), (9112, "Large drink", 20.00m), (9122, "Jolly Spaghetti instead of rice", 45.00m), (9131, "Original", 0.00m)],
            line["choices"]!.AsArray().Select(c => (c!["id"]!.GetValue<int>(), c["name"]!.GetValue<string>(), c["priceDelta"]!.GetValue<decimal>())));
    }

    [Fact]
    public async Task Deltas_sent_inside_the_choices_are_not_taken()
    {
        var cartId = await _kiosk.NewCartAsync();

        var response = await _kiosk.AddItemAsync(cartId, new
        {
            menuItemId = Meal, quantity = 1, choiceIds = new object[] { new { id = 9112, priceDelta = 0 } },
        });

        await KioskClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty((await CartAsync(cartId))["items"]!.AsArray());
    }

    [Fact]
    public async Task Without_choiceIds_a_meal_is_added_with_its_defaults_as_before()
    {
        var cartId = await _kiosk.NewCartAsync();

        var line = Assert.Single((await _kiosk.AddAsync(cartId, Meal, 1))["items"]!.AsArray())!;

        Assert.Equal(135.00m, line["unitPrice"]!.GetValue<decimal>());
        Assert.Equal([9101, 9111, 9121, 9131], line["choices"]!.AsArray().Select(c => c!["id"]!.GetValue<int>()));
        Assert.Null(line["note"]);
    }

    [Theory]
    [InlineData(new[] { 9111, 9121, 9131 }, "optionGroups.DRINK")]
    [InlineData(new[] { 9101, 9102, 9111, 9121, 9131 }, "optionGroups.DRINK")]
    [InlineData(new[] { 9101, 9111, 9121, 9131, 9141, 9142, 9143 }, "optionGroups.ADD_ONS")]
    [InlineData(new[] { 9101, 9111, 9121, 9131, 9212 }, "choiceIds.9212")]
    [InlineData(new[] { 9101, 9111, 9121, 9131, 9141, 9141 }, "choiceIds.9141")]
    public async Task Wrong_choices_answer_400_naming_the_group_or_the_choice(int[] choiceIds, string named)
    {
        var cartId = await _kiosk.NewCartAsync();

        var problem = await KioskClient.ProblemAsync(
            await _kiosk.AddItemAsync(cartId, new { menuItemId = Meal, quantity = 1, choiceIds }), HttpStatusCode.BadRequest);

        Assert.Contains(named, problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Empty((await CartAsync(cartId))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_choice_on_a_plain_item_answers_400_naming_the_choice()
    {
        var cartId = await _kiosk.NewCartAsync();

        var problem = await KioskClient.ProblemAsync(
            await _kiosk.AddItemAsync(cartId, new { menuItemId = 801, quantity = 1, choiceIds = Ids(9112) }), HttpStatusCode.BadRequest);

        Assert.Contains("not an option of Peach Mango Pie", problem["errors"]!["choiceIds.9112"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(141)]
    [InlineData(-1)]
    public async Task A_note_over_140_characters_or_with_control_characters_answers_400_naming_the_note(int length)
    {
        var cartId = await _kiosk.NewCartAsync();
        var note = length > 0 ? new string('a', length) : "no ice\nextra gravy";

        var problem = await KioskClient.ProblemAsync(
            await _kiosk.AddItemAsync(cartId, new { menuItemId = 801, quantity = 1, note }), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["note"]);
    }

    [Fact]
    public async Task A_sold_out_choice_answers_409_naming_it_and_the_other_choices_still_sell()
    {
        using var staff = fixture.CreateStaffClient();
        var switched = await staff.PutAsJsonAsync("/api/menu/choices/9712/availability", new { available = false });
        switched.EnsureSuccessStatusCode();
        try
        {
            var item = (await switched.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(607, item["id"]!.GetValue<int>());
            Assert.False(item["optionGroups"]!.AsArray().SelectMany(g => g!["choices"]!.AsArray()).Single(c => c!["id"]!.GetValue<int>() == 9712)!["available"]!.GetValue<bool>());

            var cartId = await _kiosk.NewCartAsync();
            var problem = await KioskClient.ProblemAsync(
                await _kiosk.AddItemAsync(cartId, new { menuItemId = 607, quantity = 1, choiceIds = Ids(9701, 9712, 9721, 9731) }),
                HttpStatusCode.Conflict);
            Assert.Contains("Large drink is sold out", problem["errors"]!["choiceIds.9712"]![0]!.GetValue<string>(), StringComparison.Ordinal);

            await AddOkAsync(cartId, new { menuItemId = 607, quantity = 1, choiceIds = Ids(9701, 9711, 9721, 9731) });
        }
        finally
        {
            (await staff.PutAsJsonAsync("/api/menu/choices/9712/availability", new { available = true })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task The_choice_stock_switch_is_staff_only_and_answers_404_for_an_unknown_choice()
    {
        await KioskClient.ProblemAsync(
            await _kiosk.Customer.PutAsJsonAsync("/api/menu/choices/9112/availability", new { available = false }), HttpStatusCode.Unauthorized);
        using var staff = fixture.CreateStaffClient();
        await KioskClient.ProblemAsync(
            await staff.PutAsJsonAsync("/api/menu/choices/1/availability", new { available = false }), HttpStatusCode.NotFound);
        await KioskClient.ProblemAsync(await staff.PutAsJsonAsync("/api/menu/choices/9112/availability", new { }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Two_adds_merge_only_when_item_choices_and_note_are_all_equal()
    {
        var cartId = await _kiosk.NewCartAsync();
        int[] large = [9101, 9112, 9121, 9131];

        await AddOkAsync(cartId, new { menuItemId = Meal, quantity = 1, choiceIds = large, note = "no ice" });
        await AddOkAsync(cartId, new { menuItemId = Meal, quantity = 2, choiceIds = large.Reverse().ToArray(), note = "no ice" });
        await AddOkAsync(cartId, new { menuItemId = Meal, quantity = 1, choiceIds = large, note = "extra ice" });
        await AddOkAsync(cartId, new { menuItemId = Meal, quantity = 1, choiceIds = large });
        var cart = await AddOkAsync(cartId, new { menuItemId = Meal, quantity = 1, choiceIds = Ids(9101, 9111, 9121, 9131), note = "no ice" });

        var lines = cart["items"]!.AsArray();
        Assert.Equal([3, 1, 1, 1], lines.Select(l => l!["quantity"]!.GetValue<int>()));
        Assert.Equal(3 * 155.00m + 155.00m + 155.00m + 135.00m, cart["total"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Changing_a_lines_quantity_keeps_its_choices_and_note()
    {
        var cartId = await _kiosk.NewCartAsync();
        var line = (await AddOkAsync(cartId, new { menuItemId = Meal, quantity = 1, choiceIds = Ids(9101, 9112, 9121, 9132), note = "no ice" }))["items"]![0]!;

        var response = await _kiosk.Customer.PatchAsJsonAsync($"/api/carts/{cartId}/items/{line["lineId"]}", new { quantity = 3 });

        response.EnsureSuccessStatusCode();
        var changed = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]![0]!;
        Assert.Equal(3, changed["quantity"]!.GetValue<int>());
        Assert.Equal(line["choices"]!.ToJsonString(), changed["choices"]!.ToJsonString());
        Assert.Equal("no ice", changed["note"]!.GetValue<string>());
        Assert.Equal(465.00m, changed["lineTotal"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Checkout_carries_choices_and_note_to_CART_CHECKOUT_ORDER_CREATED_and_the_order()
    {
        var cartId = await _kiosk.NewCartAsync();
        await AddOkAsync(cartId, new { menuItemId = Meal, quantity = 2, choiceIds = Ids(9102, 9112, 9122, 9132, 9141), note = "no ice" });
        await _kiosk.AddAsync(cartId, 801, 1);

        var response = await _kiosk.CheckoutAsync(cartId);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var orderId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>();
        const decimal mealPrice = 135.00m + 20.00m + 45.00m + 15.00m;

        var order = await _kiosk.WaitForOrderAsync(orderId);
        var items = order["items"]!.AsArray();
        var meal = items[0]!;
        Assert.Equal((mealPrice, 2, 2 * mealPrice), (meal["unitPrice"]!.GetValue<decimal>(), meal["quantity"]!.GetValue<int>(), meal["lineTotal"]!.GetValue<decimal>()));
        Assert.Equal(["Cola", "Large drink", "Jolly Spaghetti instead of rice", "Spicy", "Extra Gravy"],
            meal["choices"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal("no ice", meal["note"]!.GetValue<string>());
        Assert.Empty(items[1]!["choices"]!.AsArray());
        Assert.Equal(2 * mealPrice + 45.00m, order["total"]!.GetValue<decimal>());

        var kafka = new KafkaProbe(fixture);
        var checkout = EventSerializer.Deserialize<CartCheckout>(
            (await Task.Run(() => kafka.Find(Topics.CartCheckout, m => m.Key == orderId))).Value);
        var line = checkout.Items[0];
        Assert.Equal(mealPrice, line.Price);
        Assert.Equal([9102, 9112, 9122, 9132, 9141], line.Choices!.Select(c => c.ChoiceId));
        Assert.Equal(20.00m, line.Choices!.Single(c => c.ChoiceId == 9112).PriceDelta);
        Assert.Equal("no ice", line.Note);
        Assert.Equal(checkout.Total, checkout.Items.Sum(i => i.Price * i.Quantity));

        var created = EventSerializer.Deserialize<OrderCreated>(
            (await Task.Run(() => kafka.Find(Topics.OrderCreated, m => m.Key == orderId))).Value);
        var createdLine = created.Items![0];
        Assert.Equal((mealPrice, "no ice"), (createdLine.Price, createdLine.Note));
        Assert.Equal(line.Choices!.Select(c => c.Name), createdLine.Choices!.Select(c => c.Name));
    }

    [Fact]
    public async Task A_choice_that_sold_out_after_it_was_added_stops_the_checkout_naming_the_line_and_nothing_is_published()
    {
        using var staff = fixture.CreateStaffClient();
        var cartId = await _kiosk.NewCartAsync();
        var cart = await AddOkAsync(cartId, new { menuItemId = 607, quantity = 1, choiceIds = Ids(9701, 9712, 9721, 9731) });
        cart = await AddOkAsync(cartId, new { menuItemId = 607, quantity = 1, choiceIds = Ids(9701, 9711, 9721, 9731) });
        var largeLine = cart["items"]![0]!["lineId"]!.GetValue<string>();
        var regularLine = cart["items"]![1]!["lineId"]!.GetValue<string>();

        (await staff.PutAsJsonAsync("/api/menu/choices/9712/availability", new { available = false })).EnsureSuccessStatusCode();
        try
        {
            var problem = await KioskClient.ProblemAsync(await _kiosk.CheckoutAsync(cartId), HttpStatusCode.Conflict);

            var errors = problem["errors"]!.AsObject();
            Assert.Equal([largeLine], errors.Select(e => e.Key));
            Assert.Contains("Large drink", errors[largeLine]![0]!.GetValue<string>(), StringComparison.Ordinal);
            var stillOpen = await CartAsync(cartId);
            Assert.Equal("OPEN", stillOpen["status"]!.GetValue<string>());
            Assert.Null(stillOpen["orderId"]);

            // The customer takes the sold-out line out; the checkout then goes through with the other one.
            (await _kiosk.Customer.DeleteAsync($"/api/carts/{cartId}/items/{largeLine}")).EnsureSuccessStatusCode();
            var accepted = await _kiosk.CheckoutAsync(cartId);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            var orderId = (await accepted.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>();
            var order = await _kiosk.WaitForOrderAsync(orderId);
            Assert.Equal(219.00m, order["total"]!.GetValue<decimal>());
            Assert.Equal(regularLine, (await CartAsync(cartId))["items"]!.AsArray().Single()!["lineId"]!.GetValue<string>());
        }
        finally
        {
            (await staff.PutAsJsonAsync("/api/menu/choices/9712/availability", new { available = true })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task An_item_that_sold_out_after_it_was_added_stops_the_checkout_naming_the_line()
    {
        using var staff = fixture.CreateStaffClient();
        var cartId = await _kiosk.NewCartAsync();
        var line = (await _kiosk.AddAsync(cartId, 803, 1))["items"]![0]!["lineId"]!.GetValue<string>();

        (await staff.PutAsJsonAsync("/api/menu/items/803/availability", new { available = false })).EnsureSuccessStatusCode();
        try
        {
            var problem = await KioskClient.ProblemAsync(await _kiosk.CheckoutAsync(cartId), HttpStatusCode.Conflict);
            Assert.Contains("Caramel Sundae is sold out", problem["errors"]![line]![0]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("OPEN", (await CartAsync(cartId))["status"]!.GetValue<string>());
        }
        finally
        {
            (await staff.PutAsJsonAsync("/api/menu/items/803/availability", new { available = true })).EnsureSuccessStatusCode();
        }
    }

    private async Task<JsonObject> AddOkAsync(string cartId, object body)
    {
        var response = await _kiosk.AddItemAsync(cartId, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Add answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static int[] Ids(params int[] ids) => ids;

    private async Task<JsonObject> CartAsync(string cartId) =>
        (await _kiosk.Customer.GetFromJsonAsync<JsonObject>($"/api/carts/{cartId}"))!;
}
