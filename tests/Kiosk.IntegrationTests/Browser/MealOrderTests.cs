using Microsoft.Playwright;
using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>A value meal on the kiosk: offered from the solo item, chosen step by step, and seen by the kitchen as chosen.</summary>
[Collection(KioskCollection.Name)]
public sealed class MealOrderTests(KioskAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_meal_with_a_chosen_upsized_drink_and_a_swapped_side_reaches_the_cart_the_confirmation_and_the_kitchen()
    {
        // 1-pc Chickenjoy with Rice (101) offers meal 601: ₱135 + Cola ₱0 + Large drink ₱20 + Jolly Spaghetti instead of rice ₱45.
        const decimal mealPrice = 135.00m + 20.00m + 45.00m;
        var customer = await browser.NewPageAsync(app.GatewayUrl);
        await using var customerContext = customer.Context;

        await StartOrderAsync(customer);
        await customer.GetByTestId("category-CHICKENJOY").ClickAsync();
        await customer.GetByTestId("item-101").ClickAsync();
        await Expect(customer.GetByTestId("meal-offer")).ToBeVisibleAsync();
        await customer.GetByTestId("make-it-a-meal").ClickAsync();

        var sheet = customer.GetByTestId("quantity-sheet");
        await Expect(sheet).ToContainTextAsync("1-pc Chickenjoy Meal with Drink");
        // Defaults are pre-selected, so the meal can be added as it is at its menu price.
        await Expect(customer.GetByTestId("chooser-price")).ToHaveTextAsync(Peso(135.00m));
        await Expect(customer.GetByTestId("choice-9101").Locator("input")).ToBeCheckedAsync();
        await Expect(customer.GetByTestId("add-to-cart")).ToBeEnabledAsync();

        await customer.GetByTestId("choice-9102").ClickAsync();
        await customer.GetByTestId("choice-9112").ClickAsync();
        await Expect(customer.GetByTestId("chooser-price")).ToHaveTextAsync(Peso(155.00m));
        await customer.GetByTestId("choice-9122").ClickAsync();
        await Expect(customer.GetByTestId("chooser-price")).ToHaveTextAsync(Peso(mealPrice));
        // Add-ons stop at their max of two.
        await customer.GetByTestId("choice-9141").ClickAsync();
        await customer.GetByTestId("choice-9142").ClickAsync();
        await Expect(customer.GetByTestId("choice-9143").Locator("input")).ToBeDisabledAsync();
        await customer.GetByTestId("choice-9141").ClickAsync();
        await customer.GetByTestId("choice-9142").ClickAsync();
        await Expect(customer.GetByTestId("chooser-price")).ToHaveTextAsync(Peso(mealPrice));
        await customer.GetByTestId("note").FillAsync("no ice");
        await Screenshots.SaveAsync(customer, "01-meal-chooser");
        await customer.GetByTestId("add-to-cart").ClickAsync();
        await Expect(customer.GetByTestId("added-toast")).ToContainTextAsync("1-pc Chickenjoy Meal with Drink");

        await customer.GetByTestId("view-cart").ClickAsync();
        var line = customer.Locator("li.line").Filter(new() { HasText = "1-pc Chickenjoy Meal with Drink" });
        await Expect(line.GetByTestId("line-options")).ToHaveTextAsync("Cola, Large drink, Jolly Spaghetti instead of rice, Original");
        await Expect(line.GetByTestId("line-note")).ToContainTextAsync("no ice");
        await Expect(customer.GetByTestId("cart-total")).ToHaveTextAsync(Peso(mealPrice));
        await Screenshots.SaveAsync(customer, "02-cart");
        // One dessert suggestion before the order is placed, once: declined, it does not come back.
        await Expect(customer.GetByTestId("suggestion")).ToBeVisibleAsync();
        await customer.GetByTestId("suggestion-decline").ClickAsync();
        await Expect(customer.GetByTestId("cart-total")).ToHaveTextAsync(Peso(mealPrice));
        await Expect(customer.GetByTestId("suggestion")).ToHaveCountAsync(0);

        await customer.GetByTestId("place-order").ClickAsync();
        await Expect(customer).ToHaveURLAsync(OrderUrl());
        await Expect(customer.GetByTestId("order-number")).ToHaveTextAsync(OrderNumber(), new() { Timeout = 20_000 });
        await Expect(customer.GetByTestId("receipt-line").GetByTestId("line-options")).ToContainTextAsync("Large drink");
        await Expect(customer.GetByTestId("order-total")).ToHaveTextAsync(Peso(mealPrice));
        var orderNumber = (await customer.GetByTestId("order-number").InnerTextAsync()).Trim();
        await Screenshots.SaveAsync(customer, "03-confirmation");

        var orderId = customer.Url[(customer.Url.LastIndexOf('/') + 1)..];
        var staff = await browser.NewPageAsync(app.GatewayUrl);
        await using var staffContext = staff.Context;
        // The cashier sees what was chosen before taking the cash.
        await SignInAsync(staff, app.Manager, $"/staff/cashier?order={orderId}");
        await Expect(staff.GetByTestId("line-options")).ToHaveTextAsync("Cola, Large drink, Jolly Spaghetti instead of rice, Original",
            new() { Timeout = 10_000 });

        var paid = await new KioskClient(app).PayWhenReadyAsync(orderId, 500.00m);
        Assert.True(paid.IsSuccessStatusCode, $"Paying answered {(int)paid.StatusCode}: {await paid.Content.ReadAsStringAsync()}");

        await staff.GotoAsync("/staff/kitchen");
        var ticket = staff.GetByTestId($"ticket-{orderNumber}");
        await Expect(ticket).ToContainTextAsync("1-pc Chickenjoy Meal with Drink", new() { Timeout = 10_000 });
        await Expect(ticket.GetByTestId("line-options")).ToHaveTextAsync("Cola, Large drink, Jolly Spaghetti instead of rice, Original");
        await Expect(ticket.GetByTestId("line-note")).ToContainTextAsync("no ice");
        await Screenshots.SaveAsync(staff, "04-kitchen");
    }

    [Fact]
    public async Task A_sold_out_choice_is_disabled_in_the_chooser()
    {
        using var staff = app.CreateStaffClient();
        (await staff.PutAsJsonAsync("/api/menu/choices/9612/availability", new { available = false })).EnsureSuccessStatusCode();
        try
        {
            var customer = await browser.NewPageAsync(app.GatewayUrl);
            await using var customerContext = customer.Context;
            await StartOrderAsync(customer);
            await customer.GetByTestId("category-VALUE_MEALS").ClickAsync();
            await customer.GetByTestId("item-606").ClickAsync();

            await Expect(customer.GetByTestId("choice-9612").Locator("input")).ToBeDisabledAsync();
            await Expect(customer.GetByTestId("choice-9612")).ToContainTextAsync("Sold out");
            await Expect(customer.GetByTestId("choice-9611").Locator("input")).ToBeCheckedAsync();
        }
        finally
        {
            (await staff.PutAsJsonAsync("/api/menu/choices/9612/availability", new { available = true })).EnsureSuccessStatusCode();
        }
    }
}
