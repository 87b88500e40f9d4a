using Microsoft.Playwright;
using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>"Start over" in the top bar clears the whole order, so with items in the cart it asks first.</summary>
[Collection(KioskCollection.Name)]
public sealed class StartOverTests(KioskAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Start_over_with_items_asks_first_keep_my_order_keeps_the_cart_and_confirming_clears_it()
    {
        var item = (await MenuCatalog.AvailableItemsAsync(app.Gateway))[0];
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();
        await StartOrderAsync(page);
        await AddToCartAsync(page, item, 2);
        var startOver = page.GetByTestId("start-over");
        var dialog = page.GetByTestId("start-over-dialog");

        await startOver.ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Start over?");
        await Expect(dialog).ToContainTextAsync("Your order will be cleared.");
        await Expect(page.GetByTestId("keep-order")).ToBeFocusedAsync();
        await Screenshots.SaveAsync(page, "01-asks-first");

        await page.GetByTestId("keep-order").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(startOver).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(MenuUrl());
        await Expect(page.GetByTestId("cart-count")).ToHaveTextAsync("2");

        // Keyboard: Escape is "keep my order" too.
        await startOver.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await page.ReloadAsync();
        await Expect(page.GetByTestId("cart-count")).ToHaveTextAsync("2");

        // The cart screen asks the same way, and confirming clears the order.
        await page.GetByTestId("view-cart").ClickAsync();
        await startOver.ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "02-asks-on-cart");
        await page.GetByTestId("start-over-confirm").ClickAsync();
        await Expect(page).ToHaveURLAsync(AttractUrl());
        await page.GetByTestId("start-dine-in").ClickAsync();
        await Expect(page.GetByTestId("cart-count")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task Start_over_with_an_empty_cart_starts_over_at_once()
    {
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();
        await StartOrderAsync(page, "start-take-out");

        await page.GetByTestId("start-over").ClickAsync();

        await Expect(page).ToHaveURLAsync(AttractUrl());
        await Expect(page.GetByTestId("start-over-dialog")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Start_over_asks_in_filipino_for_a_filipino_customer()
    {
        var item = (await MenuCatalog.AvailableItemsAsync(app.Gateway))[0];
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();
        await page.GotoAsync("/");
        await page.GetByTestId("lang-fil").ClickAsync();
        await page.GetByTestId("start-dine-in").ClickAsync();
        await OpenItemAsync(page, item);
        await page.GetByTestId("add-to-cart").ClickAsync();
        await Expect(page.GetByTestId("cart-count")).ToHaveTextAsync("1");

        await page.GetByTestId("start-over").ClickAsync();

        var dialog = page.GetByTestId("start-over-dialog");
        await Expect(dialog.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Magsimulang muli?");
        await Expect(page.GetByTestId("keep-order")).ToHaveTextAsync("Ituloy ang order ko");
        await Screenshots.SaveAsync(page, "01-filipino");
    }

    [Fact]
    public async Task Without_javascript_start_over_still_starts_over()
    {
        var item = (await MenuCatalog.AvailableItemsAsync(app.Gateway))[0];
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.GatewayUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1080, Height = 1920 },
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await StartOrderAsync(page);
        await AddToCartAsync(page, item, 1);

        await page.GetByTestId("start-over").ClickAsync();

        await Expect(page).ToHaveURLAsync(AttractUrl());
    }
}
