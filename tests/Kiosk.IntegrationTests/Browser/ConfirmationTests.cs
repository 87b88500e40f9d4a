using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>The confirmation screen when the order does not appear (e.g. a long broker outage): it must not wait forever.</summary>
[Collection(KioskCollection.Name)]
public sealed class ConfirmationTests(KioskAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task An_order_that_never_appears_shows_its_reference_for_the_crew_then_returns_to_the_start()
    {
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();
        // The page's own clock: a minute of waiting (Kiosk:Web:OrderVisibleSeconds) passes in a moment.
        await page.Clock.InstallAsync();
        var orderId = Guid.NewGuid(); // never checked out, so GET /api/orders/{id} answers 404 for ever
        var status = page.GetByTestId("order-status");
        var reference = page.GetByTestId("order-reference");

        await page.GotoAsync($"/order/{orderId}");
        await Expect(status).ToHaveTextAsync("Sending your order…");
        await Expect(reference).ToBeHiddenAsync();
        await Expect(page.GetByTestId("return-countdown")).ToBeHiddenAsync();
        await page.Clock.FastForwardAsync(10_000);
        await Expect(status).ToHaveTextAsync("Sending your order…");

        await PassOrderVisibleWaitAsync(page);

        await Expect(status).ToHaveTextAsync("We could not confirm your order yet.");
        await Expect(page.GetByTestId("order-hint")).ToHaveTextAsync("Please show this screen to the crew.");
        await Expect(reference).ToBeVisibleAsync();
        await Expect(page.GetByTestId("order-short-id")).ToHaveTextAsync(orderId.ToString()[..8]);
        await Expect(page.GetByTestId("order-number")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("return-countdown")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "01-not-confirmed");

        // The app runs with Kiosk:Web:ConfirmationSeconds=8.
        await page.Clock.FastForwardAsync(9000);
        await Expect(page).ToHaveURLAsync(AttractUrl());
    }
}
