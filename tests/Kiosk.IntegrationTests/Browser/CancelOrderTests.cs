using Kiosk.IntegrationTests.Counter;
using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

[Collection(KioskCollection.Name)]
public sealed class CancelOrderTests(KioskAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task The_cashier_cancels_an_unpaid_order_with_a_reason_and_it_leaves_the_list_and_shows_cancelled()
    {
        using var counter = new CounterClient(app);
        var (orderId, orderNumber, _) = await counter.PlacePayableOrderAsync((101, 1));
        var staff = await browser.NewPageAsync(app.GatewayUrl);
        await using var staffContext = staff.Context.ClosingAtEnd();
        await SignInAsync(staff, app.Manager);

        await staff.GotoAsync("/staff/cashier");
        await staff.GetByTestId($"pay-{orderNumber}").ClickAsync();
        await staff.GetByTestId("cancel-step").ClickAsync();
        await staff.GetByTestId("cancel-reason").FillAsync("Customer left");
        await Screenshots.SaveAsync(staff, "01-cashier-cancel-reason");
        await staff.GetByTestId("confirm-cancel").ClickAsync();

        await Expect(staff.GetByTestId("payment-receipt")).ToContainTextAsync($"Order #{orderNumber} cancelled: Customer left");
        await Expect(staff.GetByTestId($"pay-{orderNumber}")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(staff, "02-cashier-after-cancel");

        await staff.GotoAsync($"/order/{orderId}");
        await Expect(staff.GetByTestId("order-status")).ToHaveAttributeAsync("data-status", "CANCELLED");
        await Expect(staff.GetByTestId("order-status")).ToHaveTextAsync("Cancelled");
        await Expect(staff.GetByTestId("order-hint")).ToContainTextAsync("cancelled");
        await Screenshots.SaveAsync(staff, "03-order-status-cancelled");
    }
}
