using System.Globalization;
using Microsoft.Playwright;
using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>
/// Screens that follow their live stream: each page's clock is frozen (no timer fires, so no poll can run), and the
/// change still shows up without a reload: it was pushed.
/// </summary>
[Collection(KioskCollection.Name)]
public sealed class LiveScreenTests(KioskAppFixture app, BrowserFixture browser)
{
    private readonly KioskClient _kiosk = new(app);

    [Fact]
    public async Task The_confirmation_screen_turns_to_Preparing_when_the_cashier_takes_payment_and_to_Ready_after_the_kitchen_is_done()
    {
        var item = (await MenuCatalog.AvailableItemsAsync(app.Gateway))[0];
        var (orderId, total) = await _kiosk.PlaceOrderAsync((item.Id, 1));
        var orderNumber = (await _kiosk.WaitForOrderAsync(orderId))["orderNumber"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture);

        var customer = await OpenFrozenAsync($"/order/{orderId}");
        await using var customerContext = customer.Context.ClosingAtEnd();
        await Expect(customer.GetByTestId("order-number")).ToHaveTextAsync(orderNumber);
        await Expect(customer.GetByTestId("order-status")).ToHaveTextAsync("Waiting for payment");
        await Expect(customer.GetByTestId("status-qr").Locator("svg")).ToBeVisibleAsync();
        await ExpectLiveAsync(customer);
        var navigations = CountNavigations(customer);

        var staff = await browser.NewPageAsync(app.GatewayUrl);
        await using var staffContext = staff.Context.ClosingAtEnd();
        await SignInAsync(staff, app.Manager, "/staff/kitchen");
        await ExpectLiveAsync(staff);
        await Expect(staff.GetByTestId($"ticket-{orderNumber}")).ToHaveCountAsync(0);

        var cashier = await staffContext.Context.NewPageAsync();
        await cashier.GotoAsync($"/staff/cashier?order={orderId}");
        await cashier.GetByTestId("amount-tendered").FillAsync(((Math.Floor(total / 100m) + 1) * 100m).ToString(CultureInfo.InvariantCulture));
        await ConfirmPaymentAsync(cashier);
        await Expect(cashier.GetByTestId("payment-receipt")).ToBeVisibleAsync();

        await Expect(customer.GetByTestId("order-status")).ToHaveTextAsync("Preparing");
        await Screenshots.SaveAsync(customer, "live-01-preparing");
        // The kitchen screen gains the ticket by itself, marked as new.
        var ticket = staff.GetByTestId($"ticket-{orderNumber}");
        await Expect(ticket).ToBeVisibleAsync();
        await Expect(ticket).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bticket-new\b"));
        await Screenshots.SaveAsync(staff, "live-02-kitchen-new-ticket");

        await staff.GetByTestId($"done-{orderNumber}").ClickAsync();
        await Expect(customer.GetByTestId("order-status")).ToHaveTextAsync("Ready");
        await Screenshots.SaveAsync(customer, "live-03-ready");
        Assert.Equal(0, navigations());
    }

    [Fact]
    public async Task An_item_sold_out_is_disabled_on_an_open_kiosk_menu_and_enabled_again_when_it_is_back()
    {
        var item = (await MenuCatalog.AvailableItemsAsync(app.Gateway)).Single(i => i.Id == 104);
        using var staff = app.CreateStaffClient();
        var page = await OpenFrozenAsync("/");
        await using var context = page.Context.ClosingAtEnd();
        await page.GetByTestId("start-dine-in").ClickAsync();
        await Expect(page).ToHaveURLAsync(MenuUrl());
        await page.GetByTestId($"category-{item.CategoryCode}").ClickAsync();
        var card = page.GetByTestId($"item-{item.Id}");
        await Expect(card).ToBeEnabledAsync();
        await ExpectLiveAsync(page);
        var navigations = CountNavigations(page);
        try
        {
            await MenuCatalog.SetAvailabilityAsync(staff, item.Id, available: false);
            await Expect(card).ToBeDisabledAsync();
            await Expect(page.GetByTestId($"sold-out-{item.Id}")).ToHaveTextAsync("Sold out");
            await Screenshots.SaveAsync(page, "live-04-sold-out");
        }
        finally
        {
            await MenuCatalog.SetAvailabilityAsync(staff, item.Id, available: true);
        }
        await Expect(card).ToBeEnabledAsync();
        await Expect(page.GetByTestId($"sold-out-{item.Id}")).ToHaveCountAsync(0);
        Assert.Equal(0, navigations());
    }

    [Fact]
    public async Task The_board_adds_a_number_when_it_is_paid_and_moves_it_to_Now_serving_when_it_is_ready()
    {
        var item = (await MenuCatalog.AvailableItemsAsync(app.Gateway))[1];
        var board = await OpenFrozenAsync("/board");
        await using var context = board.Context.ClosingAtEnd();
        await ExpectLiveAsync(board);
        var navigations = CountNavigations(board);

        var (orderId, total) = await _kiosk.PlaceOrderAsync((item.Id, 1));
        var orderNumber = (await _kiosk.WaitForOrderAsync(orderId))["orderNumber"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Created, (await _kiosk.PayWhenReadyAsync(orderId, total)).StatusCode);
        await Expect(BoardNumber(board, "board-preparing", orderNumber)).ToHaveCountAsync(1);

        using var staff = app.CreateStaffClient();
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/orders/{orderId}/complete", null)).StatusCode);
        await Expect(BoardNumber(board, "board-ready", orderNumber)).ToHaveCountAsync(1);
        await Expect(BoardNumber(board, "board-ready", orderNumber)).ToHaveClassAsync("announce");
        await Expect(BoardNumber(board, "board-preparing", orderNumber)).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(board, "live-05-board");
        Assert.Equal(0, navigations());
    }

    /// <summary>Opens a page whose timers never fire (its clock is paused): only a pushed event can change it.</summary>
    private async Task<IPage> OpenFrozenAsync(string path)
    {
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await page.Clock.InstallAsync();
        await page.Clock.PauseAtAsync(DateTime.Now.AddSeconds(1));
        await page.GotoAsync(path);
        return page;
    }

    private static async Task ExpectLiveAsync(IPage page) =>
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-live", "open");

    /// <summary>Counts the page's own navigations (a reload included) from now on.</summary>
    private static Func<int> CountNavigations(IPage page)
    {
        var count = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                count++;
            }
        };
        return () => count;
    }
}
