using Kiosk.Contracts;
using Kiosk.Contracts.Events;
using Kiosk.IntegrationTests.Idempotency;

namespace Kiosk.IntegrationTests.Ordering;

/// <summary>
/// A cashier pays the moment the order is visible: payments does not wait for ORDER_CREATED but asks the order service,
/// and still takes exactly one payment per order.
/// </summary>
[Collection(KioskCollection.Name)]
public sealed class PaymentReadinessTests(KioskAppFixture fixture)
{
    private readonly KioskClient _kiosk = new(fixture);
    private readonly KafkaProbe _kafka = new(fixture);

    [Fact]
    public async Task An_order_whose_ORDER_CREATED_never_reached_payments_is_paid_at_once_and_the_late_event_changes_nothing()
    {
        var (orderId, orderNumber) = await InsertOrderWithoutEventAsync(120.00m);

        // Not one 503: the order service knows the order, so payments records it from there.
        var payment = await _kiosk.PayAsync(orderId.ToString(), 150.00m);
        Assert.Equal(HttpStatusCode.Created, payment.StatusCode);
        var receipt = (await payment.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(orderNumber, receipt["orderNumber"]!.GetValue<int>());
        Assert.Equal(30.00m, receipt["change"]!.GetValue<decimal>());
        await _kiosk.WaitForOrderAsync(orderId.ToString(), "PAID");

        // ORDER_CREATED arriving afterwards adds nothing: the order stays paid, a second payment is refused.
        var late = await _kafka.ProduceAsync(Topics.OrderCreated, orderId.ToString(), EventSerializer.Serialize(new OrderCreated(
            Guid.NewGuid(), orderId, orderNumber, "PENDING", 120.00m, "DINE_IN", Guid.NewGuid(), DateTimeOffset.UtcNow)));
        await _kafka.WaitUntilConsumedAsync("payments", late);
        await KioskClient.ProblemAsync(await _kiosk.PayAsync(orderId.ToString(), 150.00m), HttpStatusCode.Conflict);
        Assert.Equal(1, await Task.Run(() => TopicMessages.CountWithKey(fixture, Topics.PaymentConfirmed, orderId.ToString())));
    }

    [Fact]
    public async Task Simultaneous_payments_for_an_order_payments_has_not_heard_of_take_exactly_one()
    {
        var (orderId, _) = await InsertOrderWithoutEventAsync(99.00m);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _kiosk.PayAsync(orderId.ToString(), 100.00m)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        await _kiosk.WaitForOrderAsync(orderId.ToString(), "PAID");
        Assert.Equal(1, await Task.Run(() => TopicMessages.CountWithKey(fixture, Topics.PaymentConfirmed, orderId.ToString())));
    }

    [Fact]
    public async Task Paying_a_real_order_the_moment_it_is_visible_never_answers_503()
    {
        for (var i = 0; i < 5; i++)
        {
            var (orderId, total) = await _kiosk.PlaceOrderAsync((201, 1), (801, 1));
            await _kiosk.WaitForOrderAsync(orderId);
            var payment = await _kiosk.PayAsync(orderId, total);
            Assert.Equal(HttpStatusCode.Created, payment.StatusCode);
        }
    }

    /// <summary>
    /// An order the order service holds while its ORDER_CREATED is still on the way: written straight into the order
    /// database, with no outbox row, so payments can only learn of it by asking.
    /// </summary>
    private async Task<(Guid OrderId, int OrderNumber)> InsertOrderWithoutEventAsync(decimal total)
    {
        var orderId = Guid.NewGuid();
        return (orderId, await OrderRows.InsertAsync(fixture, orderId, total));
    }
}
