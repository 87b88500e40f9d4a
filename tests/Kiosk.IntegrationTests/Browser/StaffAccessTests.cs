using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

[Collection(KioskCollection.Name)]
public sealed partial class StaffAccessTests(KioskAppFixture app, BrowserFixture browser)
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
    public async Task Five_wrong_pins_lock_that_address_out_while_a_colleague_elsewhere_still_signs_in()
    {
        // Every test signs in from the same address, so a lockout there would break the tests after this one. Instead this
        // test talks to the web app directly and plays the gateway, naming made-up client addresses in X-Forwarded-For.
        const int allowedWrongPins = 5; // Kiosk:Web:SignInAttempts, left at its default by the fixture
        var web = app.App.GetEndpoint("web", "http");
        var guesser = await NewPageFromAsync(web, "192.0.2.10");
        await using var guesserContext = guesser.Context;

        await guesser.GotoAsync("/staff/signin");
        for (var attempt = 1; attempt < allowedWrongPins; attempt++)
        {
            await SignInWithAsync(guesser, $"{attempt}{app.StaffPin}");
            await Expect(guesser.GetByTestId("banner")).ToHaveTextAsync("That PIN is not right. Please try again.");
        }
        var lockout = await SignInWithAsync(guesser, "0000");
        await Expect(guesser.GetByTestId("banner")).ToHaveTextAsync(TooManyWrongPins());
        Assert.Equal((int)HttpStatusCode.TooManyRequests, lockout.Status);
        await Screenshots.SaveAsync(guesser, "locked-out");

        // Locked out means the right PIN is refused too: guessing on gains nothing.
        await SignInWithAsync(guesser, app.StaffPin);
        await Expect(guesser.GetByTestId("banner")).ToHaveTextAsync(TooManyWrongPins());
        await Expect(guesser).ToHaveURLAsync(SignInUrl());

        var colleague = await NewPageFromAsync(web, "192.0.2.11");
        await using var colleagueContext = colleague.Context;
        await colleague.GotoAsync("/staff/signin");
        await SignInWithAsync(colleague, app.StaffPin);
        await Expect(colleague).ToHaveURLAsync(new Uri(web, "/staff/cashier").ToString());
    }

    private async Task<IPage> NewPageFromAsync(Uri web, string clientAddress)
    {
        var page = await browser.NewPageAsync(web);
        await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = clientAddress });
        return page;
    }

    private static async Task<IResponse> SignInWithAsync(IPage page, string pin)
    {
        await page.GetByTestId("staff-pin").FillAsync(pin);
        return await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("staff-signin").ClickAsync(),
            response => response.Request.Method == "POST" && SignInUrl().IsMatch(response.Url));
    }

    [GeneratedRegex(@"^Too many wrong PINs — wait \d+ minutes? or ask a manager\.$")]
    private static partial Regex TooManyWrongPins();

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
