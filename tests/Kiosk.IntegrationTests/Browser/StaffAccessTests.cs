using Microsoft.Playwright;
using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

[Collection(KioskCollection.Name)]
public sealed class StaffAccessTests(KioskAppFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData("/staff/cashier", "cashier")]
    [InlineData("/staff/kitchen", "kitchen")]
    [InlineData("/staff/stock", "manager")]
    public async Task Crew_screens_send_a_signed_out_visitor_to_sign_in_and_back_after_the_right_pin(string path, string who)
    {
        var crew = who switch { "cashier" => app.Cashier, "kitchen" => app.Kitchen, _ => app.Manager };
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();

        await page.GotoAsync(path);
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await Screenshots.SaveAsync(page, $"signin{path.Replace('/', '-')}");

        await FillSignInAsync(page, crew.Name, crew.Pin + "0");
        await page.GetByTestId("staff-signin").ClickAsync();
        await Expect(page.GetByTestId("banner")).ToContainTextAsync("PIN");
        await Expect(page).ToHaveURLAsync(SignInUrl());

        await FillSignInAsync(page, crew.Name, crew.Pin);
        await page.GetByTestId("staff-signin").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.GatewayUrl, path).ToString());
        await Expect(page.GetByTestId("crew-name")).ToHaveTextAsync(crew.Name);

        await page.GetByTestId("sign-out").ClickAsync();
        await page.GotoAsync(path);
        await Expect(page).ToHaveURLAsync(SignInUrl());
    }

    [Fact]
    public async Task The_sign_in_lists_the_crew_by_name_and_no_shared_pin_opens_anything()
    {
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();
        await page.GotoAsync("/staff/signin");

        var names = await page.GetByTestId("crew-member").Locator("option").AllInnerTextsAsync();
        Assert.Contains(names, n => n.StartsWith(app.Cashier.Name, StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith(app.Manager.Name, StringComparison.Ordinal));

        // The cashier's PIN is the cashier's: typed for the manager it opens nothing.
        await FillSignInAsync(page, app.Manager.Name, app.Cashier.Pin);
        await page.GetByTestId("staff-signin").ClickAsync();
        await Expect(page.GetByTestId("banner")).ToHaveTextAsync("That PIN is not right. Please try again.");
        await Expect(page).ToHaveURLAsync(SignInUrl());
        // A right sign-in afterwards wipes the address's slate, so later tests from this address start clean.
        await FillSignInAsync(page, app.Manager.Name, app.Manager.Pin);
        await page.GetByTestId("staff-signin").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(SignInUrl());
    }

    [Fact]
    public async Task The_now_serving_board_needs_no_sign_in()
    {
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();

        await page.GotoAsync("/board");

        await Expect(page.GetByTestId("board-preparing")).ToBeAttachedAsync();
        await Expect(page.GetByTestId("board-ready")).ToBeAttachedAsync();
        await Screenshots.SaveAsync(page, "board");
    }
}
