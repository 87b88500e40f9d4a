using Kiosk.IntegrationTests.Counter;
using Microsoft.Playwright;
using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

[Collection(KioskCollection.Name)]
public sealed class SeniorDiscountTests(KioskAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task The_cashier_applies_a_senior_discount_sees_the_quote_takes_cash_and_prints_the_invoice_and_the_report()
    {
        using var counter = new CounterClient(app);
        var (_, orderNumber, total) = await counter.PlacePayableOrderAsync((CounterClient.MealAt112, 2));
        Assert.Equal(224.00m, total);
        var staff = await browser.NewPageAsync(app.GatewayUrl);
        await using var staffContext = staff.Context.ClosingAtEnd();
        await SignInAsync(staff, app.Manager);

        await staff.GotoAsync("/staff/cashier");
        await staff.GetByTestId($"pay-{orderNumber}").ClickAsync();
        await Expect(staff.GetByTestId("amount-due")).ToHaveTextAsync(Peso(224.00m));
        await ApplySeniorDiscountAsync(staff, "Lourdes Santos", "SC-2024-001234");

        // Every line of the discounted invoice before any cash is taken.
        await Expect(staff.GetByTestId("amount-due")).ToHaveTextAsync(Peso(160.00m));
        await Expect(staff.GetByTestId("quote-exempt")).ToHaveTextAsync(Peso(200.00m));
        await Expect(staff.GetByTestId("quote-vatable")).ToHaveTextAsync(Peso(0.00m));
        await Expect(staff.GetByTestId("quote-discount")).ToHaveTextAsync("−" + Peso(40.00m));
        await Screenshots.SaveAsync(staff, "01-cashier-senior-quote");

        await staff.GetByTestId("amount-tendered").FillAsync("200");
        await staff.GetByTestId("confirm-payment").ClickAsync();
        var receipt = staff.GetByTestId("payment-receipt");
        try
        {
            await Expect(receipt).ToBeVisibleAsync(new() { Timeout = 20_000 });
        }
        catch (PlaywrightException ex)
        {
            // Say what the cashier saw instead of the receipt.
            Assert.Fail($"No receipt after confirming: {staff.Url}\n{await staff.InnerTextAsync("body")}\n{ex.Message}");
        }
        await Expect(staff.GetByTestId("payment-receipt")).ToContainTextAsync($"change {Peso(40.00m)}");
        await Expect(staff.GetByTestId("payment-receipt")).ToContainTextAsync("Sales invoice SI-");

        await staff.GetByTestId("open-invoice").ClickAsync();
        await Expect(staff.GetByTestId("invoice-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^SI-[0-9]{8}$"));
        await Expect(staff.GetByTestId("invoice-amount-due")).ToHaveTextAsync(Peso(160.00m));
        await Expect(staff.GetByTestId("invoice-exempt")).ToHaveTextAsync(Peso(200.00m));
        await Expect(staff.GetByTestId("invoice-discount")).ToHaveTextAsync("−" + Peso(40.00m));
        await Expect(staff.GetByTestId("invoice-change")).ToHaveTextAsync(Peso(40.00m));
        await Expect(staff.GetByTestId("invoice-holders")).ToContainTextAsync("Lourdes Santos");
        await Expect(staff.GetByTestId("invoice-holders")).ToContainTextAsync("SC-2024-001234");
        await staff.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(staff.GetByTestId("print-invoice")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(staff, "02-invoice-print");
        await staff.EmulateMediaAsync(new() { Media = Media.Screen });

        await staff.GotoAsync("/staff/report");
        await Expect(staff.GetByTestId("sales-report")).ToContainTextAsync("X-READING");
        await Expect(staff.GetByTestId("report-chart").Locator("rect")).Not.ToHaveCountAsync(0);
        await Expect(staff.GetByTestId("report-discount-SENIOR")).Not.ToHaveTextAsync("−" + Peso(0.00m));
        await Screenshots.SaveAsync(staff, "03-report");
    }
}
