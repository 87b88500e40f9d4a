using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>The app runs with Kiosk:Web:IdleSeconds=5 and Kiosk:Web:ConfirmationSeconds=8 for these.</summary>
[Collection(KioskCollection.Name)]
public sealed class IdleTests(KioskAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task An_untouched_kiosk_counts_down_then_starts_over_with_a_fresh_cart()
    {
        var item = (await MenuCatalog.AvailableItemsAsync(app.Gateway))[0];
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();
        await StartOrderAsync(page);
        await AddToCartAsync(page, item, 1);
        await Expect(page.GetByTestId("cart-count")).ToHaveTextAsync("1");

        await Expect(page.GetByTestId("idle-countdown")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Screenshots.SaveAsync(page, "01-still-there");
        await Expect(page).ToHaveURLAsync(AttractUrl(), new() { Timeout = 30_000 });
        await Screenshots.SaveAsync(page, "02-attract");

        await page.GetByTestId("start-dine-in").ClickAsync();
        await Expect(page.GetByTestId("cart-count")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task Continue_keeps_the_order()
    {
        var item = (await MenuCatalog.AvailableItemsAsync(app.Gateway))[0];
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();
        await StartOrderAsync(page);
        await AddToCartAsync(page, item, 1);

        await Expect(page.GetByTestId("idle-countdown")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.GetByTestId("idle-continue").ClickAsync();

        await Expect(page.GetByTestId("idle-countdown")).ToBeHiddenAsync();
        await Expect(page).ToHaveURLAsync(MenuUrl());
        await Expect(page.GetByTestId("cart-count")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task The_confirmation_screen_returns_to_the_start_by_itself()
    {
        var item = (await MenuCatalog.AvailableItemsAsync(app.Gateway))[0];
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();
        await StartOrderAsync(page, "start-take-out");
        await AddToCartAsync(page, item, 1);
        await PlaceOrderAsync(page);
        await Screenshots.SaveAsync(page, "01-confirmation");

        await Expect(page).ToHaveURLAsync(AttractUrl(), new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("start-dine-in")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "02-attract");
    }
}
