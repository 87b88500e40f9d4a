using Microsoft.Playwright;
using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>
/// Every page comes with the security headers, and no page does anything its Content-Security-Policy forbids (an inline
/// script, style or handler would show up as a "Content Security Policy" console error).
/// </summary>
[Collection(KioskCollection.Name)]
public sealed class SecurityHeadersTests(KioskAppFixture app, BrowserFixture browser)
{
    private readonly List<string> _violations = [];
    private readonly List<string> _missingHeaders = [];

    [Fact]
    public async Task Customer_and_crew_pages_carry_the_security_headers_and_break_no_rule_of_the_policy()
    {
        var item = (await MenuCatalog.AvailableItemsAsync(app.Gateway))[0];
        var page = await NewWatchedPageAsync();
        await using var context = page.Context.ClosingAtEnd();

        await VisitAsync(page, "/", "attract");
        await page.GetByTestId("start-dine-in").ClickAsync();
        await Expect(page).ToHaveURLAsync(MenuUrl());
        await AddToCartAsync(page, item, 2);
        var orderNumber = await PlaceOrderAsync(page);
        // The confirmation screen with its QR code.
        await Expect(page.GetByTestId("order-number")).ToBeVisibleAsync();
        await VisitAsync(page, "/board", "board");
        await VisitAsync(page, "/no-such-screen", "not-found");

        var crew = await NewWatchedPageAsync();
        await using var crewContext = crew.Context.ClosingAtEnd();
        await VisitAsync(crew, "/staff/signin", "sign-in");
        await SignInAsync(crew, app.Manager);
        await Expect(crew.GetByTestId($"pay-{orderNumber}")).ToBeVisibleAsync();
        await crew.GetByTestId($"pay-{orderNumber}").ClickAsync();
        await Expect(crew.GetByTestId("amount-tendered")).ToBeVisibleAsync();
        foreach (var screen in new[] { "/staff/kitchen", "/staff/stock", "/staff/report" })
        {
            await VisitAsync(crew, screen, screen);
        }

        Assert.True(_missingHeaders.Count == 0, string.Join(Environment.NewLine, _missingHeaders));
        Assert.True(_violations.Count == 0, string.Join(Environment.NewLine, _violations));
    }

    /// <summary>A page whose console errors about the policy, and whose documents' headers, are checked.</summary>
    private async Task<IPage> NewWatchedPageAsync()
    {
        var page = await browser.NewPageAsync(app.GatewayUrl);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _violations.Add($"{page.Url}: {message.Text}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document")
            {
                CheckHeaders(response.Url, response.Headers);
            }
        };
        return page;
    }

    private async Task VisitAsync(IPage page, string path, string screen)
    {
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Screenshots.SaveAsync(page, screen.Trim('/').Replace('/', '-'), "csp");
    }

    private void CheckHeaders(string url, IReadOnlyDictionary<string, string> headers)
    {
        void Expect(string name, Func<string, bool> rule)
        {
            if (!headers.TryGetValue(name, out var value) || !rule(value))
            {
                _missingHeaders.Add($"{url}: {name} is {(value is null ? "missing" : $"'{value}'")}");
            }
        }

        Expect("content-security-policy", csp =>
            !csp.Contains("unsafe-inline", StringComparison.Ordinal)
            && csp.Contains("default-src 'self'", StringComparison.Ordinal)
            && csp.Contains("script-src 'self'", StringComparison.Ordinal)
            && csp.Contains("style-src 'self'", StringComparison.Ordinal)
            && csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal));
        Expect("x-content-type-options", value => value == "nosniff");
        Expect("referrer-policy", value => value is "no-referrer" or "strict-origin-when-cross-origin");
        Expect("permissions-policy", value => value.Contains("camera=()", StringComparison.Ordinal));
    }
}
