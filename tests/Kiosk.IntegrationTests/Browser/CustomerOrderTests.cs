using System.Globalization;
using Microsoft.Playwright;
using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

[Collection(KioskCollection.Name)]
public sealed class CustomerOrderTests(KioskAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task An_order_tapped_on_the_kiosk_is_paid_at_the_cashier_cooked_in_the_kitchen_and_called_on_the_board()
    {
        var item = (await MenuCatalog.AvailableItemsAsync(app.Gateway))[0];
        var total = item.Price * 2;
        var customer = await browser.NewPageAsync(app.GatewayUrl);
        await using var customerContext = customer.Context.ClosingAtEnd();
        var staff = await browser.NewPageAsync(app.GatewayUrl);
        await using var staffContext = staff.Context.ClosingAtEnd();
        await SignInAsync(staff, app.Manager);

        await customer.GotoAsync("/");
        await Screenshots.SaveAsync(customer, "01-attract");
        await customer.GetByTestId("start-dine-in").ClickAsync();
        await Expect(customer).ToHaveURLAsync(MenuUrl());
        await OpenItemAsync(customer, item);
        await customer.GetByTestId("qty-plus").ClickAsync();
        await Screenshots.SaveAsync(customer, "02-quantity");
        await customer.GetByTestId("add-to-cart").ClickAsync();
        await Expect(customer.GetByTestId("cart-count")).ToHaveTextAsync("2");
        await Expect(customer.GetByTestId("cart-total")).ToHaveTextAsync(Peso(total));
        await Screenshots.SaveAsync(customer, "03-menu-with-cart");

        await customer.GetByTestId("view-cart").ClickAsync();
        await Expect(customer.GetByTestId("cart-total")).ToHaveTextAsync(Peso(total));
        await Screenshots.SaveAsync(customer, "04-cart");
        await customer.GetByTestId("place-order").ClickAsync();
        var number = customer.GetByTestId("order-number");
        await Expect(number).ToHaveTextAsync(OrderNumber(), new() { Timeout = 20_000 });
        await Expect(customer.GetByTestId("order-status")).ToHaveTextAsync("Waiting for payment");
        await Expect(customer.GetByTestId("order-hint")).ToHaveTextAsync("Please pay at the counter");
        var orderNumber = (await number.InnerTextAsync()).Trim();
        var orderUrl = customer.Url;
        await Screenshots.SaveAsync(customer, "05-confirmation");

        await staff.GotoAsync("/staff/cashier");
        await staff.GetByTestId($"pay-{orderNumber}").ClickAsync();
        await Expect(staff.GetByTestId("amount-due")).ToHaveTextAsync(Peso(total));
        var tendered = (Math.Floor(total / 100m) + 1) * 100m;
        await staff.GetByTestId("amount-tendered").FillAsync(tendered.ToString(CultureInfo.InvariantCulture));
        await Screenshots.SaveAsync(staff, "06-cashier");
        // A fresh confirmation screen for the same order: it must move on by itself, without a reload.
        var watcher = await OpenConfirmationAsync(orderUrl);
        await using var watcherContext = watcher.Context.ClosingAtEnd();
        await ConfirmPaymentAsync(staff);
        await Expect(staff.GetByTestId("payment-receipt")).ToContainTextAsync($"change {Peso(tendered - total)}");
        await Screenshots.SaveAsync(staff, "07-paid");
        await Expect(watcher.GetByTestId("order-status")).ToHaveTextAsync("Preparing", new() { Timeout = 7_000 });
        await Screenshots.SaveAsync(watcher, "08-preparing");

        var board = await browser.NewPageAsync(app.GatewayUrl);
        await using var boardContext = board.Context.ClosingAtEnd();
        await board.GotoAsync("/board");
        await Expect(BoardNumber(board, "board-preparing", orderNumber)).ToHaveCountAsync(1);

        await staff.GotoAsync("/staff/kitchen");
        await Expect(staff.GetByTestId($"ticket-{orderNumber}")).ToContainTextAsync(item.Name);
        await Screenshots.SaveAsync(staff, "09-kitchen");
        var readyWatcher = await OpenConfirmationAsync(orderUrl);
        await using var readyWatcherContext = readyWatcher.Context.ClosingAtEnd();
        await staff.GetByTestId($"done-{orderNumber}").ClickAsync();
        await Expect(staff.GetByTestId($"ticket-{orderNumber}")).ToHaveCountAsync(0);
        await Expect(readyWatcher.GetByTestId("order-status")).ToHaveTextAsync("Ready", new() { Timeout = 7_000 });
        await Screenshots.SaveAsync(readyWatcher, "10-ready");

        // The board refreshes itself: the number moves from Preparing to Ready without a reload.
        await Expect(BoardNumber(board, "board-ready", orderNumber)).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(BoardNumber(board, "board-preparing", orderNumber)).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(board, "11-board");
    }

    [Fact]
    public async Task Quantities_change_and_lines_disappear_on_the_cart_screen_with_totals_from_the_cart_service()
    {
        var items = await MenuCatalog.AvailableItemsAsync(app.Gateway);
        var (first, second) = (items[0], items[1]);
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();

        await StartOrderAsync(page);
        await AddToCartAsync(page, first, 1);
        await AddToCartAsync(page, second, 1);
        await page.GetByTestId("view-cart").ClickAsync();
        var firstLine = Line(page, first);
        var secondLine = Line(page, second);
        await Expect(page.GetByTestId("cart-total")).ToHaveTextAsync(Peso(first.Price + second.Price));
        await Screenshots.SaveAsync(page, "01-two-lines");

        await firstLine.GetByTestId("line-plus").ClickAsync();
        await Expect(firstLine.GetByTestId("line-qty")).ToHaveTextAsync("2");
        await Expect(firstLine.GetByTestId("line-total")).ToHaveTextAsync(Peso(first.Price * 2));
        await Expect(page.GetByTestId("cart-total")).ToHaveTextAsync(Peso(first.Price * 2 + second.Price));
        await Screenshots.SaveAsync(page, "02-more");

        await firstLine.GetByTestId("line-minus").ClickAsync();
        await Expect(firstLine.GetByTestId("line-qty")).ToHaveTextAsync("1");
        await Expect(firstLine.GetByTestId("line-minus")).ToBeDisabledAsync();

        await secondLine.GetByTestId("line-remove").ClickAsync();
        await Expect(secondLine).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("cart-total")).ToHaveTextAsync(Peso(first.Price));
        await Screenshots.SaveAsync(page, "03-removed");

        await firstLine.GetByTestId("line-remove").ClickAsync();
        await Expect(page.GetByTestId("cart-empty")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("place-order")).ToBeDisabledAsync();
        await Screenshots.SaveAsync(page, "04-empty");
    }

    [Fact]
    public async Task An_item_marked_sold_out_cannot_be_added_even_if_the_customer_was_about_to()
    {
        var items = await MenuCatalog.AvailableItemsAsync(app.Gateway);
        // The last item: the other browser tests order the first ones.
        var item = items[^1];
        using var staff = app.CreateStaffClient();
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();
        try
        {
            await StartOrderAsync(page);
            await OpenItemAsync(page, item);
            await MenuCatalog.SetAvailabilityAsync(staff, item.Id, available: false);
            await page.GetByTestId("add-to-cart").ClickAsync();

            await Expect(page.GetByTestId("banner")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("cart-count")).ToHaveTextAsync("0");
            await Expect(page.GetByTestId($"item-{item.Id}")).ToBeDisabledAsync();
            await Expect(page.GetByTestId($"sold-out-{item.Id}")).ToHaveTextAsync("Sold out");
            await Screenshots.SaveAsync(page, "01-sold-out-banner");

            await page.GotoAsync($"/menu?category={Uri.EscapeDataString(item.CategoryCode)}&item={item.Id}");
            await Expect(page.GetByTestId("quantity-sheet")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId($"item-{item.Id}")).ToBeDisabledAsync();
        }
        finally
        {
            await MenuCatalog.SetAvailabilityAsync(staff, item.Id, available: true);
        }

        await page.ReloadAsync();
        await Expect(page.GetByTestId($"item-{item.Id}")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task A_second_tap_on_add_30_ms_after_the_first_adds_the_item_once()
    {
        var item = (await MenuCatalog.AvailableItemsAsync(app.Gateway))[1];
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await using var context = page.Context.ClosingAtEnd();
        await StartOrderAsync(page);
        await OpenItemAsync(page, item);
        var adds = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && IsAdd(request.Url))
            {
                Interlocked.Increment(ref adds);
            }
        };
        // Hold the add on its way for a moment, so the second tap surely lands on the same screen as the first.
        await page.RouteAsync(IsAdd, async route =>
        {
            await Task.Delay(500);
            await route.ContinueAsync();
        });

        var button = await page.GetByTestId("add-to-cart").BoundingBoxAsync() ?? throw new InvalidOperationException("No Add button.");
        var (x, y) = (button.X + button.Width / 2, button.Y + button.Height / 2);
        await page.Touchscreen.TapAsync(x, y);
        await Task.Delay(30);
        await page.Touchscreen.TapAsync(x, y);

        await Expect(page.GetByTestId("added-toast")).ToContainTextAsync(item.Name);
        await Expect(page.GetByTestId("cart-count")).ToHaveTextAsync("1");
        Assert.Equal(1, Volatile.Read(ref adds));
    }

    private static bool IsAdd(string url) => url.Contains("handler=add", StringComparison.OrdinalIgnoreCase);

    private static ILocator Line(IPage page, MenuPick item) =>
        page.Locator("li[data-testid^='line-']", new() { Has = page.GetByTestId("line-name").GetByText(item.Name, new() { Exact = true }) });

    private async Task<IPage> OpenConfirmationAsync(string orderUrl)
    {
        var page = await browser.NewPageAsync(app.GatewayUrl);
        await page.GotoAsync(orderUrl);
        await Expect(page.GetByTestId("order-number")).ToHaveTextAsync(OrderNumber());
        return page;
    }
}
