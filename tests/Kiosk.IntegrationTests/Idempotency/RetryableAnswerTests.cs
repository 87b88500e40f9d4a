using Kiosk.Contracts;
using static Kiosk.IntegrationTests.Idempotency.IdempotentRequests;

namespace Kiosk.IntegrationTests.Idempotency;

/// <summary>An answer that says "try again" is not kept for its key: the resend with the same key runs again and can succeed.</summary>
[Collection(KioskCollection.Name)]
public sealed class RetryableAnswerTests(KioskAppFixture fixture)
{
    private readonly KioskClient _kiosk = new(fixture);

    [Fact]
    public async Task A_payment_answered_503_not_ready_is_not_stored_so_the_same_key_pays_once_the_order_is_ready()
    {
        using var control = new HttpClient { BaseAddress = fixture.KafkaControlUrl };
        using var staff = fixture.CreateStaffClient();
        var cartId = await _kiosk.NewCartAsync();
        await _kiosk.AddAsync(cartId, 402, 1);
        var key = NewKey();

        string orderId;
        (await control.PostAsync("/broker/down", null)).EnsureSuccessStatusCode();
        try
        {
            // With the broker down CART_CHECKOUT waits in the cart's outbox: the order exists for the cart only.
            var checkout = await _kiosk.CheckoutAsync(cartId);
            orderId = (await checkout.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>();
            var notReady = await PostAsync(staff, "/api/payments", new { orderId, amountPaid = 500.00m }, key);
            await KioskClient.ProblemAsync(notReady, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(notReady.Headers.RetryAfter);
            Assert.False(IsReplay(notReady));
        }
        finally
        {
            (await control.PostAsync("/broker/up", null)).EnsureSuccessStatusCode();
        }

        // The cashier presses "Confirm" again with the same key until payments has the order, as Retry-After says.
        var paid = await Eventually.ResultAsync(async () =>
        {
            var answer = await PostAsync(staff, "/api/payments", new { orderId, amountPaid = 500.00m }, key);
            return answer.StatusCode == HttpStatusCode.ServiceUnavailable ? null : answer;
        }, TimeSpan.FromSeconds(90), $"payments to take the payment for order {orderId} after the outage");

        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.False(IsReplay(paid), "The 503 must not have been kept as the key's answer.");
        var again = await PostAsync(staff, "/api/payments", new { orderId, amountPaid = 500.00m }, key);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.True(IsReplay(again));
        await _kiosk.WaitForOrderAsync(orderId, "PAID");
        Assert.Equal(1, await Task.Run(() => TopicMessages.CountWithKey(fixture, Topics.PaymentConfirmed, orderId)));
    }
}
