using Kiosk.Contracts;
using Kiosk.Contracts.Events;

namespace Kiosk.IntegrationTests.Live;

/// <summary>
/// The confirmation page is asked for the moment the checkout answers, usually before the order exists. Its first look
/// waits for the order's creation to be announced on the live feed, so the page opens with the number.
/// </summary>
[Collection(KioskCollection.Name)]
public sealed class ConfirmationFirstLookTests(KioskAppFixture fixture)
{
    private readonly KafkaProbe _kafka = new(fixture);
    private readonly KioskClient _kiosk = new(fixture);

    [Fact]
    public async Task The_confirmation_page_opens_with_the_number_of_an_order_created_while_the_page_was_waiting()
    {
        var checkout = new CartCheckout(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "TAKE_OUT",
            [new CartCheckoutItem(201, "Yumburger", 45.00m, 1)], 45.00m, DateTimeOffset.UtcNow);

        // The page is asked for before the order exists, as a kiosk does when its checkout answers at once; the checkout
        // event reaches the order service only afterwards, well within the page's first-look wait.
        var page = fixture.Gateway.GetAsync($"/order/{checkout.OrderId}");
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(page.IsCompleted, "The page answered before its order existed instead of waiting for it.");
        await _kafka.ProduceAsync(Topics.CartCheckout, checkout.OrderId.ToString(), EventSerializer.Serialize(checkout));

        using var response = await page;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var order = await _kiosk.WaitForOrderAsync(checkout.OrderId.ToString());
        Assert.Contains($"data-testid=\"order-number\">{order["orderNumber"]!.GetValue<int>()}</p>", html);
    }
}
