using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>axe-core on every screen, in the states people actually see; serious and critical findings fail the test.</summary>
[Collection(KioskCollection.Name)]
public sealed class AccessibilityTests(KioskAppFixture app, BrowserFixture browser)
{
    private static readonly string[] Blocking = ["serious", "critical"];
    private readonly List<string> _findings = [];

    [Fact]
    public async Task Customer_screens_have_no_serious_or_critical_axe_violations()
    {
        var item = (await MenuCatalog.AvailableItemsAsync(app.Gateway))[0];
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();

        await page.GotoAsync("/");
        await ScanAsync(page, "attract");
        await page.GetByTestId("lang-fil").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fil");
        await ScanAsync(page, "attract-filipino");
        await page.GetByTestId("lang-en").ClickAsync();

        await page.GetByTestId("start-dine-in").ClickAsync();
        await ScanAsync(page, "menu");
        await OpenItemAsync(page, item);
        await ScanAsync(page, "menu-quantity");
        await page.GetByTestId("add-to-cart").ClickAsync();
        await page.GetByTestId("view-cart").ClickAsync();
        await ScanAsync(page, "cart");
        await page.GetByTestId("start-over").ClickAsync();
        await Expect(page.GetByTestId("start-over-dialog")).ToBeVisibleAsync();
        await ScanAsync(page, "cart-start-over");
        await page.GetByTestId("keep-order").ClickAsync();
        await page.GetByTestId("place-order").ClickAsync();
        await Expect(page.GetByTestId("order-number")).ToHaveTextAsync(OrderNumber(), new() { Timeout = 20_000 });
        await ScanAsync(page, "confirmation");

        await page.GotoAsync("/no-such-screen");
        await ScanAsync(page, "not-found");

        // An order that never appears: after Kiosk:Web:OrderVisibleSeconds the screen asks the customer to show it to the crew.
        await page.Clock.InstallAsync();
        await page.GotoAsync($"/order/{Guid.NewGuid()}");
        await PassOrderVisibleWaitAsync(page);
        await Expect(page.GetByTestId("order-reference")).ToBeVisibleAsync();
        await ScanAsync(page, "confirmation-not-confirmed");

        Assert.True(_findings.Count == 0, string.Join(Environment.NewLine, _findings));
    }

    [Fact]
    public async Task Crew_screens_and_the_board_have_no_serious_or_critical_axe_violations()
    {
        var item = (await MenuCatalog.AvailableItemsAsync(app.Gateway))[0];
        var customer = await browser.NewPageAsync(app.GatewayUrl);
        await using var customerContext = customer.Context.ClosingAtEnd();
        await StartOrderAsync(customer);
        await AddToCartAsync(customer, item, 1);
        var orderNumber = await PlaceOrderAsync(customer);

        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();
        await page.GotoAsync("/staff/signin");
        await ScanAsync(page, "sign-in");
        await SignInAsync(page, app.Manager);
        await ScanAsync(page, "cashier");
        await page.GetByTestId($"pay-{orderNumber}").ClickAsync();
        await Expect(page.GetByTestId("amount-tendered")).ToBeVisibleAsync();
        await ScanAsync(page, "cashier-payment");
        await page.GotoAsync("/staff/kitchen");
        await ScanAsync(page, "kitchen");
        await page.GotoAsync("/staff/stock");
        await ScanAsync(page, "stock");
        await page.GotoAsync("/staff/crew");
        await ScanAsync(page, "crew");
        await page.GotoAsync("/staff/audit");
        await ScanAsync(page, "audit");
        await page.GotoAsync("/staff/signout");
        await ScanAsync(page, "sign-out");
        await page.GotoAsync("/board");
        await ScanAsync(page, "board");

        Assert.True(_findings.Count == 0, string.Join(Environment.NewLine, _findings));
    }

    [Theory]
    [InlineData("en", "Next")]
    [InlineData("fil", "Susunod")]
    public async Task Every_step_of_the_meal_chooser_has_no_axe_violations(string lang, string next)
    {
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();
        await page.GotoAsync("/");
        await page.GetByTestId($"lang-{lang}").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await page.GetByTestId("start-dine-in").ClickAsync();
        await ChooserScreen.OpenMealAsync(page, 601);

        string[] steps = ["Drink", "Drink size", "Side", "Flavour", "Add-ons"];
        for (var i = 0; i < steps.Length; i++)
        {
            await Expect(ChooserScreen.CurrentStep(page).GetByTestId("step-name")).ToHaveTextAsync(steps[i]);
            await ScanAsync(page, $"chooser-{lang}-step-{i + 1}", everyImpact: true);
            if (i < steps.Length - 1)
            {
                await KioskScreen.StillHereAsync(page);
                await page.GetByRole(AriaRole.Button, new() { Name = next, Exact = true }).ClickAsync();
            }
        }
        Assert.True(_findings.Count == 0, string.Join(Environment.NewLine, _findings));
    }

    private async Task ScanAsync(IPage page, string screen, bool everyImpact = false)
    {
        // Not NetworkIdle: the confirmation screen and the board poll for as long as they are open.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Screenshots.SaveAsync(page, screen, "axe");
        var result = await page.RunAxe();
        _findings.AddRange(result.Violations
            .Where(v => everyImpact || Blocking.Contains(v.Impact))
            .Select(v => $"{screen} ({page.Url}): {v.Impact} {v.Id} – {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
    }
}
