using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>The taps a customer or a crew member makes, shared by the browser tests.</summary>
public static partial class KioskScreen
{
    public static string Peso(decimal amount) => "₱" + amount.ToString("N2", CultureInfo.InvariantCulture);

    public static async Task StartOrderAsync(IPage page, string startButton = "start-dine-in")
    {
        await page.GotoAsync("/");
        await page.GetByTestId(startButton).ClickAsync();
        await Expect(page).ToHaveURLAsync(MenuUrl());
    }

    public static async Task OpenItemAsync(IPage page, MenuPick item)
    {
        await page.GetByTestId($"category-{item.CategoryCode}").ClickAsync();
        await page.GetByTestId($"item-{item.Id}").ClickAsync();
        await Expect(page.GetByTestId("quantity-sheet")).ToBeVisibleAsync();
    }

    public static async Task AddToCartAsync(IPage page, MenuPick item, int quantity)
    {
        await OpenItemAsync(page, item);
        for (var i = 1; i < quantity; i++)
        {
            await page.GetByTestId("qty-plus").ClickAsync();
        }
        await Expect(page.GetByTestId("qty-value")).ToHaveValueAsync(quantity.ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId("add-to-cart").ClickAsync();
        await Expect(page.GetByTestId("added-toast")).ToContainTextAsync(item.Name);
    }

    /// <summary>Places the order from the cart screen and returns the order number once the confirmation shows it.</summary>
    public static async Task<string> PlaceOrderAsync(IPage page)
    {
        await page.GetByTestId("view-cart").ClickAsync();
        await page.GetByTestId("place-order").ClickAsync();
        await Expect(page).ToHaveURLAsync(OrderUrl());
        var number = page.GetByTestId("order-number");
        await Expect(number).ToHaveTextAsync(OrderNumber(), new() { Timeout = 20_000 });
        return (await number.InnerTextAsync()).Trim();
    }

    /// <summary>Opens <paramref name="path"/>, is sent to sign in, and signs in as <paramref name="crew"/>.</summary>
    public static async Task SignInAsync(IPage page, CrewLogin crew, string path = "/staff/cashier")
    {
        await page.GotoAsync(path);
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await FillSignInAsync(page, crew.Name, crew.Pin);
        await page.GetByTestId("staff-signin").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(SignInUrl());
    }

    /// <summary>On the sign-in page: picks <paramref name="name"/> from the crew list and types <paramref name="pin"/>.</summary>
    public static async Task FillSignInAsync(IPage page, string name, string pin)
    {
        await PickAsync(page.GetByTestId("crew-member"), name);
        await page.GetByTestId("staff-pin").FillAsync(pin);
    }

    /// <summary>Selects the option of <paramref name="select"/> whose text starts with <paramref name="name"/>.</summary>
    public static async Task PickAsync(ILocator select, string name)
    {
        var option = select.Locator("option", new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(name)}( \\(#\\d+\\))?\\s*$") });
        var value = await option.GetAttributeAsync("value") ?? throw new InvalidOperationException($"No option {name}.");
        await select.SelectOptionAsync(value);
    }

    /// <summary>On the cashier screen with an order open: the "Senior / PWD" step for one senior dining alone, up to the quote.</summary>
    public static async Task ApplySeniorDiscountAsync(IPage staff, string holderName, string idNumber)
    {
        await staff.GetByTestId("discount-step").ClickAsync();
        await staff.GetByTestId("discount-senior").CheckAsync();
        await staff.GetByTestId("discount-diners").FillAsync("1");
        await staff.GetByTestId("holder-name-0").FillAsync(holderName);
        await staff.GetByTestId("holder-id-0").FillAsync(idNumber);
        await staff.GetByTestId("apply-discount").ClickAsync();
        await Expect(staff.GetByTestId("quote-discount")).ToBeVisibleAsync();
    }

    /// <summary>Confirms the payment on the cashier screen, confirming again while payments has not yet heard of the order (503).</summary>
    public static async Task ConfirmPaymentAsync(IPage staff)
    {
        var receipt = staff.GetByTestId("payment-receipt");
        var banner = staff.GetByTestId("banner");
        for (var attempt = 1; ; attempt++)
        {
            await staff.GetByTestId("confirm-payment").ClickAsync();
            await Expect(receipt.Or(banner)).ToBeVisibleAsync();
            if (await receipt.IsVisibleAsync() || attempt == 5 || !(await banner.InnerTextAsync()).Contains("not received", StringComparison.Ordinal))
            {
                return;
            }
            await Task.Delay(1000);
        }
    }

    /// <summary>
    /// On a confirmation screen whose order has not appeared, moves the page's clock (installed before it opened) just past
    /// the wait the screen was given (Kiosk:Web:OrderVisibleSeconds), so it gives up waiting for the number.
    /// </summary>
    public static async Task PassOrderVisibleWaitAsync(IPage page)
    {
        var seconds = await page.Locator("[data-visible-seconds]").GetAttributeAsync("data-visible-seconds");
        await page.Clock.FastForwardAsync((int.Parse(seconds ?? "", CultureInfo.InvariantCulture) + 1) * 1000);
    }

    /// <summary>The numbers in one column of the now-serving board that equal <paramref name="orderNumber"/>.</summary>
    /// <summary>
    /// What a customer does after a pause (the suite's kiosk idles after 5 s, and a check such as an axe scan can take
    /// that long on a busy machine): answers "Are you still there?" if it is showing, else touches the screen.
    /// </summary>
    public static async Task StillHereAsync(IPage page)
    {
        if (await page.Locator("#idle-dialog[open]").CountAsync() > 0)
        {
            await page.GetByTestId("idle-continue").ClickAsync();
        }
        else
        {
            await page.Keyboard.PressAsync("Shift");
        }
    }

    public static ILocator BoardNumber(IPage board, string column, string orderNumber) =>
        board.GetByTestId(column).Locator("li", new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(orderNumber)}\\s*$") });

    [GeneratedRegex(@"/menu(\?|$)")]
    public static partial Regex MenuUrl();

    [GeneratedRegex(@"/order/[0-9a-f-]{36}$")]
    public static partial Regex OrderUrl();

    [GeneratedRegex(@"^\s*\d+\s*$")]
    public static partial Regex OrderNumber();

    [GeneratedRegex(@"/staff/signin", RegexOptions.IgnoreCase)]
    public static partial Regex SignInUrl();

    [GeneratedRegex(@"^[^?#]*://[^/]+/(\?reset=1)?$")]
    public static partial Regex AttractUrl();
}
