using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

[Collection(KioskCollection.Name)]
public sealed class StaffAccessTests(KioskAppFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData("/staff/cashier")]
    [InlineData("/staff/kitchen")]
    [InlineData("/staff/stock")]
    public async Task Crew_screens_send_a_signed_out_visitor_to_sign_in_and_back_after_the_right_pin(string path)
    {
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context;

        await page.GotoAsync(path);
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await Screenshots.SaveAsync(page, $"signin{path.Replace('/', '-')}");

        await page.GetByTestId("staff-pin").FillAsync(app.StaffPin + "0");
        await page.GetByTestId("staff-signin").ClickAsync();
        await Expect(page.GetByTestId("banner")).ToContainTextAsync("PIN");
        await Expect(page).ToHaveURLAsync(SignInUrl());

        await page.GetByTestId("staff-pin").FillAsync(app.StaffPin);
        await page.GetByTestId("staff-signin").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.GatewayUrl, path).ToString());

        await page.GetByTestId("sign-out").ClickAsync();
        await page.GotoAsync(path);
        await Expect(page).ToHaveURLAsync(SignInUrl());
    }

    [Fact]
    public async Task The_now_serving_board_needs_no_sign_in()
    {
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context;

        await page.GotoAsync("/board");

        await Expect(page.GetByTestId("board-preparing")).ToBeAttachedAsync();
        await Expect(page.GetByTestId("board-ready")).ToBeAttachedAsync();
        await Screenshots.SaveAsync(page, "board");
    }
}
