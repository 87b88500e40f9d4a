using Microsoft.Playwright;
using static Kiosk.IntegrationTests.Browser.ChooserScreen;
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
        await using var customerContext = customer.Context.ClosingAtEnd();

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
        await ExpectStepAsync(customer, "Drink", 1, 5);

        // One step per group; "Add to order" comes on the last one.
        await Expect(customer.GetByTestId("add-to-cart")).ToBeHiddenAsync();
        await customer.GetByTestId("choice-9102").ClickAsync();
        await NextAsync(customer, "Drink size");
        await customer.GetByTestId("choice-9112").ClickAsync();
        await Expect(customer.GetByTestId("chooser-price")).ToHaveTextAsync(Peso(155.00m));
        await NextAsync(customer, "Side");
        await customer.GetByTestId("choice-9122").ClickAsync();
        await Expect(customer.GetByTestId("chooser-price")).ToHaveTextAsync(Peso(mealPrice));
        await NextAsync(customer, "Flavour");
        await NextAsync(customer, "Add-ons");
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
        await using var staffContext = staff.Context.ClosingAtEnd();
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
    public async Task A_meal_is_chosen_step_by_step_with_the_keyboard_alone()
    {
        // Meal 601 at ₱135: Cola ₱0, Large drink +₱20, Jolly Spaghetti instead of rice +₱45, Original ₱0, Extra Gravy +₱15.
        var customer = await browser.NewPageAsync(app.GatewayUrl);
        await using var customerContext = customer.Context.ClosingAtEnd();
        await StartOrderAsync(customer);
        await OpenMealAsync(customer, 601);
        var price = customer.GetByTestId("chooser-price");

        // Step 1 (required first): focus starts on its heading; the default is chosen; arrow keys move the radio choice.
        await ExpectStepAsync(customer, "Drink", 1, 5);
        await ExpectFocusOnStepAsync(customer, "Drink");
        await Expect(customer.GetByTestId("chooser-back")).ToBeHiddenAsync();
        await TabToAsync(customer, "choice-9101", most: 1);
        await customer.Keyboard.PressAsync("ArrowDown");
        await Expect(customer.GetByTestId("choice-9102").Locator("input")).ToBeCheckedAsync();
        await Expect(price).ToHaveTextAsync(Peso(135.00m));
        // Enter in a choice goes on to the next step (it never adds the meal from the first step).
        await customer.Keyboard.PressAsync("Enter");

        await ExpectStepAsync(customer, "Drink size", 2, 5);
        await ExpectFocusOnStepAsync(customer, "Drink size");
        await TabToAsync(customer, "choice-9111", most: 1);
        await customer.Keyboard.PressAsync("ArrowDown");
        await Expect(customer.GetByTestId("choice-9112").Locator("input")).ToBeCheckedAsync();
        await Expect(price).ToHaveTextAsync(Peso(155.00m));
        await TabToAsync(customer, "chooser-next");
        await customer.Keyboard.PressAsync("Enter");

        // Back keeps what was chosen and the running price.
        await ExpectStepAsync(customer, "Side", 3, 5);
        await ExpectFocusOnStepAsync(customer, "Side");
        await TabToAsync(customer, "chooser-back");
        await customer.Keyboard.PressAsync("Space");
        await ExpectFocusOnStepAsync(customer, "Drink size");
        await Expect(customer.GetByTestId("choice-9112").Locator("input")).ToBeCheckedAsync();
        await Expect(price).ToHaveTextAsync(Peso(155.00m));
        await TabToAsync(customer, "chooser-next");
        await customer.Keyboard.PressAsync("Space");

        await ExpectFocusOnStepAsync(customer, "Side");
        await TabToAsync(customer, "choice-9121", most: 1);
        await customer.Keyboard.PressAsync("ArrowDown");
        await Expect(customer.GetByTestId("choice-9122").Locator("input")).ToBeCheckedAsync();
        await Expect(price).ToHaveTextAsync(Peso(200.00m));
        await customer.Keyboard.PressAsync("Enter");

        await ExpectStepAsync(customer, "Flavour", 4, 5);
        await ExpectFocusOnStepAsync(customer, "Flavour");
        await Expect(customer.GetByTestId("choice-9131").Locator("input")).ToBeCheckedAsync();
        await Expect(customer.GetByTestId("add-to-cart")).ToBeHiddenAsync();
        await TabToAsync(customer, "chooser-next");
        await customer.Keyboard.PressAsync("Enter");

        // The last step: optional add-ons (check boxes, Space), the note, the quantity and "Add to order".
        await ExpectStepAsync(customer, "Add-ons", 5, 5);
        await ExpectFocusOnStepAsync(customer, "Add-ons");
        await Expect(customer.GetByTestId("chooser-next")).ToBeHiddenAsync();
        await TabToAsync(customer, "choice-9141", most: 1);
        await customer.Keyboard.PressAsync("Space");
        await Expect(customer.GetByTestId("choice-9141").Locator("input")).ToBeCheckedAsync();
        await Expect(price).ToHaveTextAsync(Peso(215.00m));
        await TabToAsync(customer, "note");
        await customer.Keyboard.TypeAsync("no ice");
        await Screenshots.SaveAsync(customer, "last-step");
        await TabToAsync(customer, "add-to-cart");
        await Expect(customer.GetByTestId("add-to-cart")).ToBeEnabledAsync();
        await customer.Keyboard.PressAsync("Enter");

        await Expect(customer.GetByTestId("added-toast")).ToContainTextAsync("1-pc Chickenjoy Meal with Drink");
        await customer.GotoAsync("/cart");
        var line = customer.Locator("li.line").Filter(new() { HasText = "1-pc Chickenjoy Meal with Drink" });
        await Expect(line).ToHaveCountAsync(1);
        await Expect(line.GetByTestId("line-options")).ToHaveTextAsync("Cola, Large drink, Jolly Spaghetti instead of rice, Original, Extra Gravy");
        await Expect(line.GetByTestId("line-note")).ToContainTextAsync("no ice");
        await Expect(line.GetByTestId("line-qty")).ToHaveTextAsync("1");
        await Expect(line.GetByTestId("line-total")).ToHaveTextAsync(Peso(215.00m));
    }

    [Fact]
    public async Task A_choice_sold_out_while_the_chooser_is_open_is_taken_away_and_adding_waits_for_another()
    {
        // Meal 603 (Jolly Spaghetti Meal with Drink): size 9311 regular / 9312 large (+₱20).
        var customer = await browser.NewPageAsync(app.GatewayUrl);
        await using var customerContext = customer.Context.ClosingAtEnd();
        await StartOrderAsync(customer);
        await OpenMealAsync(customer, 603);
        await Expect(customer.Locator("html")).ToHaveAttributeAsync("data-live", "open", new() { Timeout = 10_000 });
        await NextAsync(customer, "Drink size");
        await customer.GetByTestId("choice-9312").ClickAsync();
        await Expect(customer.GetByTestId("chooser-price")).ToHaveTextAsync(Peso(125.00m));

        using var staff = app.CreateStaffClient();
        (await staff.PutAsJsonAsync("/api/menu/choices/9312/availability", new { available = false })).EnsureSuccessStatusCode();
        try
        {
            await Expect(customer.GetByTestId("choice-9312").Locator("input")).ToBeDisabledAsync(new() { Timeout = 10_000 });
            await Expect(customer.GetByTestId("choice-9312").Locator("input")).Not.ToBeCheckedAsync();
            await Expect(customer.GetByTestId("choice-9312")).ToContainTextAsync("Sold out");
            await Expect(customer.GetByTestId("chooser-price")).ToHaveTextAsync(Peso(105.00m));
            await Expect(customer.GetByTestId("chooser-missing")).ToHaveTextAsync("Still to choose: Drink size");
            await Expect(customer.GetByTestId("chooser-next")).ToHaveAttributeAsync("aria-disabled", "true");
            await Screenshots.SaveAsync(customer, "choice-sold-out-meanwhile");

            await customer.GetByTestId("choice-9311").ClickAsync();
            await Expect(customer.GetByTestId("chooser-missing")).ToBeEmptyAsync();
            await NextAsync(customer, "Add-ons");
            await customer.GetByTestId("add-to-cart").ClickAsync();
            await Expect(customer.GetByTestId("added-toast")).ToContainTextAsync("Jolly Spaghetti Meal with Drink");
        }
        finally
        {
            (await staff.PutAsJsonAsync("/api/menu/choices/9312/availability", new { available = true })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Without_script_the_chooser_shows_every_step_at_once_and_still_adds_the_meal()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.GatewayUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1080, Height = 1920 },
            JavaScriptEnabled = false,
        });
        context.SetDefaultTimeout(15_000);
        var customer = await context.NewPageAsync();
        await StartOrderAsync(customer);
        await OpenMealAsync(customer, 603);

        await Expect(customer.Locator("[data-option-group]:visible")).ToHaveCountAsync(3);
        await Expect(customer.GetByTestId("chooser-next")).ToBeHiddenAsync();
        await Expect(customer.GetByTestId("chooser-back")).ToBeHiddenAsync();
        await customer.GetByTestId("choice-9312").ClickAsync();
        await Screenshots.SaveAsync(customer, "no-script");
        await customer.GetByTestId("add-to-cart").ClickAsync();
        await Expect(customer.GetByTestId("added-toast")).ToContainTextAsync("Jolly Spaghetti Meal with Drink");
        await customer.GotoAsync("/cart");
        await Expect(customer.GetByTestId("line-total")).ToHaveTextAsync(Peso(125.00m));
    }

    [Fact]
    public async Task A_sold_out_choice_is_disabled_in_the_chooser()
    {
        using var staff = app.CreateStaffClient();
        (await staff.PutAsJsonAsync("/api/menu/choices/9612/availability", new { available = false })).EnsureSuccessStatusCode();
        try
        {
            var customer = await browser.NewPageAsync(app.GatewayUrl);
            await using var customerContext = customer.Context.ClosingAtEnd();
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
