using System.Text.RegularExpressions;
using Kiosk.IntegrationTests.Counter;
using Microsoft.Playwright;
using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>Crew roles in a real browser: each role opens only its screens; a manager approves a cashier's cancellation on the spot.</summary>
[Collection(KioskCollection.Name)]
public sealed partial class CrewRoleTests(KioskAppFixture app, BrowserFixture browser)
{
    private static readonly string[] ManagerScreens = ["/staff/stock", "/staff/report", "/staff/crew", "/staff/audit"];

    [Fact]
    public async Task A_cashier_opens_the_cashier_screen_only()
    {
        var page = await SignedInAsync(app.Cashier, "/staff/cashier");
        await using var context = page.Context.ClosingAtEnd();

        await Expect(page.GetByTestId("nav-cashier")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-kitchen")).Not.ToBeAttachedAsync();
        await Expect(page.GetByTestId("nav-report")).Not.ToBeAttachedAsync();
        foreach (var path in ManagerScreens.Append("/staff/kitchen"))
        {
            var response = await page.GotoAsync(path);
            await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
            Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        }
        await Screenshots.SaveAsync(page, "access-denied");
    }

    [Fact]
    public async Task The_kitchen_opens_the_kitchen_screen_only()
    {
        var page = await SignedInAsync(app.Kitchen, "/staff/kitchen");
        await using var context = page.Context.ClosingAtEnd();

        await Expect(page.GetByTestId("nav-cashier")).Not.ToBeAttachedAsync();
        foreach (var path in ManagerScreens.Append("/staff/cashier"))
        {
            await page.GotoAsync(path);
            await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task A_manager_opens_every_crew_screen()
    {
        var page = await SignedInAsync(app.Manager, "/staff/cashier");
        await using var context = page.Context.ClosingAtEnd();

        foreach (var path in ManagerScreens.Append("/staff/kitchen"))
        {
            var response = await page.GotoAsync(path);
            Assert.Equal((int)HttpStatusCode.OK, response!.Status);
            await Expect(page.GetByTestId("access-denied")).Not.ToBeAttachedAsync();
        }
    }

    [Fact]
    public async Task A_cashier_cancels_only_with_a_managers_pin_typed_on_the_spot_and_the_audit_names_both()
    {
        using var counter = new CounterClient(app);
        var (orderId, orderNumber, _) = await counter.PlacePayableOrderAsync((CounterClient.MealAt112, 1));
        var cashier = await SignedInAsync(app.Cashier, $"/staff/cashier?order={orderId}");
        await using var cashierContext = cashier.Context.ClosingAtEnd();

        await cashier.GetByTestId("cancel-step").ClickAsync();
        await cashier.GetByTestId("cancel-reason").FillAsync("Customer left");
        await PickAsync(cashier.GetByTestId("cancel-manager"), app.Manager.Name);
        await cashier.GetByTestId("cancel-manager-pin").FillAsync(app.Cashier.Pin);
        await cashier.GetByTestId("confirm-cancel").ClickAsync();
        await Expect(cashier.GetByTestId("banner")).ToHaveTextAsync("That manager PIN is not right.");
        Assert.Equal("PENDING", (await OrderAsync(counter, orderId))["status"]!.GetValue<string>());

        await cashier.GetByTestId("cancel-step").ClickAsync();
        await cashier.GetByTestId("cancel-reason").FillAsync("Customer left");
        await PickAsync(cashier.GetByTestId("cancel-manager"), app.Manager.Name);
        await cashier.GetByTestId("cancel-manager-pin").FillAsync(app.Manager.Pin);
        await cashier.GetByTestId("confirm-cancel").ClickAsync();
        await Expect(cashier.GetByTestId("payment-receipt")).ToContainTextAsync($"Order #{orderNumber} cancelled");
        // The cashier is still the one signed in.
        await Expect(cashier.GetByTestId("crew-name")).ToHaveTextAsync(app.Cashier.Name);
        Assert.Equal("CANCELLED", (await OrderAsync(counter, orderId))["status"]!.GetValue<string>());

        var manager = await SignedInAsync(app.Manager, "/staff/audit?action=order.cancel");
        await using var managerContext = manager.Context.ClosingAtEnd();
        var row = manager.GetByTestId("audit-row").Filter(new() { HasText = orderId });
        await Expect(row.First).ToContainTextAsync(app.Cashier.Name);
        await Expect(row.First.GetByTestId("audit-approved-by")).ToHaveTextAsync(ApprovedByManager());
        // The client's address as the gateway forwarded it, not the gateway's own outgoing address.
        await Expect(row.First).Not.ToContainTextAsync("127.0.0.9");
        await Screenshots.SaveAsync(manager, "audit");

        await manager.GotoAsync("/staff/audit?action=manager.approval");
        await Expect(manager.GetByTestId("audit-row").Filter(new() { HasText = orderId }).First).ToContainTextAsync("approved cancel");
        await Expect(manager.GetByTestId("audit-row").Filter(new() { HasText = "refused cancel" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_crew_member_stays_signed_in_across_a_web_restart()
    {
        var page = await SignedInAsync(app.Kitchen, "/staff/kitchen");
        await using var context = page.Context.ClosingAtEnd();

        await app.StopAsync("web");
        await app.StartAsync("web");

        // The same cookie, read by the new process with the keys it found in the database.
        var response = await page.GotoAsync("/staff/kitchen");
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        await Expect(page).Not.ToHaveURLAsync(SignInUrl());
        await Expect(page.GetByTestId("crew-name")).ToHaveTextAsync(app.Kitchen.Name);
    }

    [Fact]
    public async Task A_manager_adds_a_crew_member_who_then_signs_in_and_disabling_them_signs_them_out()
    {
        var name = $"Dana {Guid.NewGuid().ToString("N")[..6]}";
        var manager = await SignedInAsync(app.Manager, "/staff/crew");
        await using var managerContext = manager.Context.ClosingAtEnd();
        await manager.GetByTestId("new-crew-name").FillAsync(name);
        await manager.GetByTestId("new-crew-role-kitchen").CheckAsync();
        await manager.GetByTestId("new-crew-pin").FillAsync("97531");
        await manager.GetByTestId("add-crew").ClickAsync();
        await Expect(manager.GetByTestId("crew-changed")).ToContainTextAsync($"{name} added as crew #");
        var id = CrewNumber().Match(await manager.GetByTestId("crew-changed").InnerTextAsync()).Groups[1].Value;

        var crew = await SignedInAsync(new CrewLogin(name, "97531"), "/staff/kitchen");
        await using var crewContext = crew.Context.ClosingAtEnd();
        await Expect(crew.GetByTestId("crew-name")).ToHaveTextAsync(name);

        await manager.GetByTestId($"toggle-{id}").ClickAsync();
        await Expect(manager.GetByTestId("crew-changed")).ToContainTextAsync("disabled");
        await crew.GotoAsync("/staff/kitchen");
        await Expect(crew).ToHaveURLAsync(SignInUrl());

        await manager.GotoAsync("/staff/audit?action=crew.disable");
        await Expect(manager.GetByTestId("audit-row").Filter(new() { HasText = name }).First).ToContainTextAsync(app.Manager.Name);
    }

    private async Task<IPage> SignedInAsync(CrewLogin crew, string path)
    {
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await SignInAsync(page, crew, path);
        return page;
    }

    private static async Task<JsonObject> OrderAsync(CounterClient counter, string orderId) =>
        (await counter.Staff.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}"))!;

    [GeneratedRegex(@"^\d+:Manager$")]
    private static partial Regex ApprovedByManager();

    [GeneratedRegex(@"crew #(\d+)")]
    private static partial Regex CrewNumber();
}
