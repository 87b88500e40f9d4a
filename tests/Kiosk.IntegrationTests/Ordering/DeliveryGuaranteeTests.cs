using Confluent.Kafka;
using Kiosk.Contracts;
using Kiosk.Contracts.Events;

namespace Kiosk.IntegrationTests.Ordering;

/// <summary>At-least-once delivery made safe: duplicates are harmless, poison is parked, outages lose nothing.</summary>
[Collection(KioskCollection.Name)]
public sealed class DeliveryGuaranteeTests(KioskAppFixture fixture)
{
    private readonly KioskClient _kiosk = new(fixture);
    private readonly KafkaProbe _kafka = new(fixture);

    [Fact]
    public async Task The_same_cart_checkout_delivered_twice_makes_one_order()
    {
        var checkout = new CartCheckout(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "DINE_IN",
            [new CartCheckoutItem(201, "Yumburger", 45.00m, 2)], 90.00m, DateTimeOffset.UtcNow);

        await _kafka.ProduceAsync(Topics.CartCheckout, checkout.OrderId.ToString(), EventSerializer.Serialize(checkout));
        var last = await _kafka.ProduceAsync(Topics.CartCheckout, checkout.OrderId.ToString(), EventSerializer.Serialize(checkout));
        // A re-sent checkout with a new event id but the same order id is also a duplicate (natural key).
        last = await _kafka.ProduceAsync(Topics.CartCheckout, checkout.OrderId.ToString(),
            EventSerializer.Serialize(checkout with { EventId = Guid.NewGuid() }));
        await _kafka.WaitUntilConsumedAsync("orders", last);

        var order = await _kiosk.WaitForOrderAsync(checkout.OrderId.ToString());
        using var staff = fixture.CreateStaffClient();
        var pending = await staff.GetFromJsonAsync<JsonArray>("/api/orders?status=PENDING");
        Assert.Single(pending!, o => o!["orderId"]!.GetValue<string>() == checkout.OrderId.ToString());
        Assert.Equal(90.00m, order["total"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_payment_confirmation_for_an_already_paid_order_changes_nothing()
    {
        var (orderId, total) = await _kiosk.PlaceOrderAsync((801, 1));
        Assert.Equal(HttpStatusCode.Created, (await _kiosk.PayWhenReadyAsync(orderId, total)).StatusCode);
        var paid = await _kiosk.WaitForOrderAsync(orderId, "PAID");

        var duplicate = new PaymentConfirmed(Guid.NewGuid(), Guid.Parse(orderId), Guid.NewGuid(), total + 1000m, 1000m, total,
            DateTimeOffset.UtcNow.AddHours(1));
        var offset = await _kafka.ProduceAsync(Topics.PaymentConfirmed, orderId, EventSerializer.Serialize(duplicate));
        await _kafka.WaitUntilConsumedAsync("orders", offset);

        var after = await _kiosk.WaitForOrderAsync(orderId);
        Assert.Equal("PAID", after["status"]!.GetValue<string>());
        Assert.Equal(paid["paidAt"]!.GetValue<DateTimeOffset>(), after["paidAt"]!.GetValue<DateTimeOffset>());
    }

    [Theory]
    [InlineData(Topics.CartCheckout)]
    [InlineData(Topics.OrderCreated)]
    [InlineData(Topics.PaymentConfirmed)]
    public async Task A_poison_message_is_parked_on_the_dead_letter_topic_and_the_next_message_is_still_processed(string topic)
    {
        var poison = $"{{ this is not json {Guid.NewGuid()}";
        var key = Guid.NewGuid().ToString();

        var poisoned = await _kafka.ProduceAsync(topic, key, System.Text.Encoding.UTF8.GetBytes(poison));

        var parked = _kafka.Find(Topics.DeadLetterOf(topic), m => System.Text.Encoding.UTF8.GetString(m.Value) == poison);
        Assert.True(parked.Headers.TryGetLastBytes("dlt.error.message", out var error) && error.Length > 0, "The dead letter should carry its error.");
        Assert.True(parked.Headers.TryGetLastBytes("dlt.original.offset", out var offset));
        Assert.Equal(poisoned.Offset.Value.ToString(), System.Text.Encoding.UTF8.GetString(offset));

        // The consumer carried on: a real order placed and paid after the poison goes all the way through.
        var (orderId, total) = await _kiosk.PlaceOrderAsync((703, 1));
        Assert.Equal(HttpStatusCode.Created, (await _kiosk.PayWhenReadyAsync(orderId, total)).StatusCode);
        await _kiosk.WaitForOrderAsync(orderId, "PAID");
    }

    [Fact]
    public async Task A_checkout_during_a_broker_outage_becomes_an_order_once_the_broker_is_back()
    {
        using var control = new HttpClient { BaseAddress = fixture.KafkaControlUrl };
        var cartId = await _kiosk.NewCartAsync();
        await _kiosk.AddAsync(cartId, 401, 1);

        string orderId;
        (await control.PostAsync("/broker/down", null)).EnsureSuccessStatusCode();
        try
        {
            var checkout = await _kiosk.CheckoutAsync(cartId);
            Assert.Equal(HttpStatusCode.Accepted, checkout.StatusCode);
            orderId = (await checkout.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>();
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(HttpStatusCode.NotFound, (await _kiosk.Customer.GetAsync($"/api/orders/{orderId}")).StatusCode);
            // The cashier is told "not ready yet, retry", never "no such order", for an order the customer holds a receipt of.
            var payment = await _kiosk.PayAsync(orderId, 500m);
            await KioskClient.ProblemAsync(payment, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(payment.Headers.RetryAfter);
        }
        finally
        {
            (await control.PostAsync("/broker/up", null)).EnsureSuccessStatusCode();
        }

        var order = await Eventually.ResultAsync(async () =>
        {
            var response = await _kiosk.Customer.GetAsync($"/api/orders/{orderId}");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
        }, TimeSpan.FromSeconds(90), $"order {orderId}, checked out during the outage, to appear");
        Assert.Equal("PENDING", order["status"]!.GetValue<string>());
    }
}
