using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Kiosk.IntegrationTests.Browser.ChooserScreen;
using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>A choice sells out while the meal waits in the cart: the refused checkout marks that line and says what to change.</summary>
[Collection(KioskCollection.Name)]
public sealed class SoldOutAtCheckoutTests(KioskAppFixture app, BrowserFixture browser)
{
    // Meal 604 (Burger Steak Meal with Drink, ₱112): drink 9401–9403, size 9411 regular / 9412 large (+₱20).
    private const string LargeDrink = "9412";

    [Fact]
    public async Task A_refused_checkout_marks_the_sold_out_lines_and_passes_once_they_are_changed_or_removed()
    {
        var customer = await browser.NewPageAsync(app.GatewayUrl);
        await using var customerContext = customer.Context.ClosingAtEnd();
        await StartOrderAsync(customer);
        // Two large-drink meals (Cola and Pineapple Juice, so two lines) and a solo item that stays sellable.
        await AddMealWithLargeDrinkAsync(customer, drinkChoice: "9402");
        await AddMealWithLargeDrinkAsync(customer, drinkChoice: "9403");
        await AddToCartAsync(customer, new MenuPick(101, "CHICKENJOY", "1-pc Chickenjoy with Rice", 99.00m), 1);

        using var staff = app.CreateStaffClient();
        (await staff.PutAsJsonAsync($"/api/menu/choices/{LargeDrink}/availability", new { available = false })).EnsureSuccessStatusCode();
        try
        {
            await customer.GetByTestId("view-cart").ClickAsync();
            var cola = customer.Locator("li.line").Filter(new() { HasText = "Cola" });
            var juice = customer.Locator("li.line").Filter(new() { HasText = "Pineapple Juice" });
            var solo = customer.Locator("li.line").Filter(new() { HasText = "1-pc Chickenjoy with Rice" });
            await Expect(customer.Locator("li.line")).ToHaveCountAsync(3);

            await customer.GetByTestId("place-order").ClickAsync();

            // Not placed: still the cart, with a message at the top and each affected line marked, saying what to change.
            await Expect(customer.GetByTestId("banner")).ToContainTextAsync("sold out after you added it");
            await Expect(customer).Not.ToHaveURLAsync(OrderUrl());
            foreach (var refused in new[] { cola, juice })
            {
                await Expect(refused).ToHaveClassAsync(new Regex(@"\bline-refused\b"));
                await Expect(refused).ToHaveAttributeAsync("aria-invalid", "true");
                await Expect(refused.GetByTestId("line-problem"))
                    .ToContainTextAsync("Sold out since you added it: Large drink. Change your choice or remove this item.");
                var messageId = await refused.GetAttributeAsync("aria-describedby");
                Assert.False(string.IsNullOrEmpty(messageId), "The refused line names its message in aria-describedby.");
                await Expect(customer.Locator($"[id='{messageId}']")).ToContainTextAsync("Large drink");
                await Expect(refused.GetByTestId("line-remove")).ToHaveAttributeAsync("aria-describedby", messageId!);
                await Expect(refused.GetByTestId("line-change")).ToHaveAttributeAsync("aria-describedby", messageId!);
            }
            await Expect(solo).Not.ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(solo.GetByTestId("line-problem")).ToHaveCountAsync(0);
            await Screenshots.SaveAsync(customer, "refused-lines");
            var axe = await customer.RunAxe();
            Assert.True(axe.Violations.Length == 0,
                string.Join(Environment.NewLine, axe.Violations.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));

            // The cart is still open: read again, it shows the same three lines (a placed order would lead to its confirmation).
            await customer.GotoAsync("/cart");
            await Expect(customer.Locator("li.line")).ToHaveCountAsync(3);
            await Expect(customer).Not.ToHaveURLAsync(OrderUrl());

            // Change one: the chooser opens where the line was (Cola kept), the sold-out size unchosen and not choosable.
            await customer.GetByTestId("place-order").ClickAsync();
            await cola.GetByTestId("line-change").ClickAsync();
            await ExpectStepAsync(customer, "Drink", 1, 4);
            await Expect(customer.GetByTestId("choice-9402").Locator("input")).ToBeCheckedAsync();
            await NextAsync(customer, "Drink size");
            await Expect(customer.GetByTestId($"choice-{LargeDrink}").Locator("input")).ToBeDisabledAsync();
            await Expect(customer.GetByTestId($"choice-{LargeDrink}")).ToContainTextAsync("Sold out");
            await Expect(customer.GetByTestId("choice-9411").Locator("input")).Not.ToBeCheckedAsync();
            await Expect(customer.GetByTestId("chooser-missing")).ToContainTextAsync("Drink size");
            await customer.GetByTestId("choice-9411").ClickAsync();
            await Expect(customer.GetByTestId("chooser-missing")).ToBeEmptyAsync();
            await NextAsync(customer, "Side");
            await NextAsync(customer, "Add-ons");
            await customer.GetByTestId("add-to-cart").ClickAsync();

            // Back on the cart: the changed line replaced the old one. Remove the other, and the order goes through.
            await Expect(customer).ToHaveURLAsync(new Regex(@"/cart$"));
            await Expect(customer.Locator("li.line")).ToHaveCountAsync(3);
            await Expect(cola.GetByTestId("line-options")).ToHaveTextAsync("Cola, Regular drink, Steamed Rice");
            await Expect(customer.Locator("li.line-refused")).ToHaveCountAsync(0);
            await customer.GetByTestId("place-order").ClickAsync();
            await Expect(juice).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(cola).Not.ToHaveAttributeAsync("aria-invalid", "true");
            await juice.GetByTestId("line-remove").ClickAsync();
            await Expect(customer.Locator("li.line")).ToHaveCountAsync(2);

            await customer.GetByTestId("place-order").ClickAsync();
            await Expect(customer).ToHaveURLAsync(OrderUrl());
            await Expect(customer.GetByTestId("order-number")).ToHaveTextAsync(OrderNumber(), new() { Timeout = 20_000 });
            await Expect(customer.GetByTestId("receipt-line")).ToHaveCountAsync(2);
        }
        finally
        {
            (await staff.PutAsJsonAsync($"/api/menu/choices/{LargeDrink}/availability", new { available = true })).EnsureSuccessStatusCode();
        }
    }

    private static async Task AddMealWithLargeDrinkAsync(IPage customer, string drinkChoice)
    {
        await OpenMealAsync(customer, 604);
        await customer.GetByTestId($"choice-{drinkChoice}").ClickAsync();
        await NextAsync(customer, "Drink size");
        await customer.GetByTestId($"choice-{LargeDrink}").ClickAsync();
        await NextAsync(customer, "Side");
        await NextAsync(customer, "Add-ons");
        await customer.GetByTestId("add-to-cart").ClickAsync();
        await Expect(customer.GetByTestId("added-toast")).ToContainTextAsync("Burger Steak Meal with Drink");
    }
}
