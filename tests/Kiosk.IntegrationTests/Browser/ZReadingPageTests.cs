using Kiosk.IntegrationTests.Counter;
using Microsoft.Playwright;
using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

[Collection(KioskCollection.Name)]
public sealed class ZReadingPageTests(KioskAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task The_crew_close_an_ended_day_after_confirming_and_the_report_prints_the_stored_Z()
    {
        using var counter = new CounterClient(app);
        var day = CounterClient.FarPastDay();
        var (orderId, _, _) = await counter.PlacePayableOrderAsync((101, 1));
        await CounterClient.JsonAsync(await counter.PayAsync(orderId, 100.00m), HttpStatusCode.Created);
        await counter.MovePaymentToAsync(orderId, day);
        var dayText = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var staff = await browser.NewPageAsync(app.GatewayUrl);
        await using var staffContext = staff.Context.ClosingAtEnd();
        await SignInAsync(staff, app.Manager, "/staff/report");
        await staff.GotoAsync($"/staff/report?day={dayText}");

        await Expect(staff.GetByTestId("report-reading")).ToHaveTextAsync("X-READING");
        await staff.GetByTestId("close-day").ClickAsync();
        await Expect(staff.GetByTestId("confirm-close-day")).ToHaveTextAsync($"Yes, close {dayText}");
        await staff.GetByTestId("confirm-close-day").ClickAsync();

        await Expect(staff.GetByTestId("day-closed")).ToContainTextAsync($"Business day {dayText} is closed: Z reading #");
        await Expect(staff.GetByTestId("report-reading")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Z-READING #[0-9]+$"));
        await Expect(staff.GetByTestId("report-net")).ToHaveTextAsync(Peso(99.00m));
        await Expect(staff.GetByTestId("close-day")).ToHaveCountAsync(0);
        await staff.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(staff.GetByTestId("day-closed")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(staff, "01-stored-z-print");
        await staff.EmulateMediaAsync(new() { Media = Media.Screen });

        // Shown again later: the same stored reading, no second close offered.
        await staff.GotoAsync($"/staff/report?day={dayText}");
        await Expect(staff.GetByTestId("report-reading")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Z-READING #[0-9]+$"));
        await Expect(staff.GetByTestId("close-day")).ToHaveCountAsync(0);
    }
}
