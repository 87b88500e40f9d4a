using Kiosk.Contracts;
using static Kiosk.IntegrationTests.Idempotency.IdempotentRequests;

namespace Kiosk.IntegrationTests.Idempotency;

/// <summary>POST /api/payments with an Idempotency-Key, through the gateway: a repeat answers the first receipt and takes nothing.</summary>
[Collection(KioskCollection.Name)]
public sealed class PaymentIdempotencyTests(KioskAppFixture fixture)
{
    private readonly KioskClient _kiosk = new(fixture);

    [Fact]
    public async Task The_same_payment_sent_twice_with_one_key_takes_the_cash_once_and_answers_the_same_receipt()
    {
        var (orderId, total) = await PayableOrderAsync((102, 1));
        using var staff = fixture.CreateStaffClient();
        var key = NewKey();

        var first = await PostAsync(staff, "/api/payments", new { orderId, amountPaid = total + 100m }, key);
        var again = await PostAsync(staff, "/api/payments", new { orderId, amountPaid = total + 100m }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(IsReplay(first));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.True(IsReplay(again), "The repeat should say it is the stored answer.");
        Assert.Equal(await BodyAsync(first), await BodyAsync(again));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal("application/json", again.Content.Headers.ContentType?.MediaType);

        var receipt = JsonNode.Parse(await BodyAsync(first))!;
        var stored = await staff.GetFromJsonAsync<JsonObject>(first.Headers.Location!.ToString());
        Assert.Equal(receipt["paymentId"]!.GetValue<string>(), stored!["paymentId"]!.GetValue<string>());
        await AssertPaidOnceAsync(orderId);
    }

    [Fact]
    public async Task The_same_key_with_another_amount_is_refused_with_422_naming_the_header()
    {
        var (orderId, total) = await PayableOrderAsync((103, 1));
        using var staff = fixture.CreateStaffClient();
        var key = NewKey();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(staff, "/api/payments", new { orderId, amountPaid = total }, key)).StatusCode);

        var other = await PostAsync(staff, "/api/payments", new { orderId, amountPaid = total + 500m }, key);

        var problem = await KioskClient.ProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem["detail"]!.GetValue<string>());
        Assert.False(IsReplay(other));
    }

    [Fact]
    public async Task Not_enough_cash_is_replayed_as_it_was_and_a_new_key_can_then_pay()
    {
        var (orderId, total) = await PayableOrderAsync((104, 1));
        using var staff = fixture.CreateStaffClient();
        var key = NewKey();

        var refused = await PostAsync(staff, "/api/payments", new { orderId, amountPaid = 1.00m }, key);
        var again = await PostAsync(staff, "/api/payments", new { orderId, amountPaid = 1.00m }, key);

        var problem = await KioskClient.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(total, problem["amountDue"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.True(IsReplay(again));
        Assert.Equal(await BodyAsync(refused), await BodyAsync(again));

        var paid = await PostAsync(staff, "/api/payments", new { orderId, amountPaid = total }, NewKey());
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        await AssertPaidOnceAsync(orderId);
    }

    [Fact]
    public async Task Ten_concurrent_payments_with_one_key_take_the_cash_once_and_all_answer_the_same_receipt()
    {
        var (orderId, total) = await PayableOrderAsync((105, 1));
        using var staff = fixture.CreateStaffClient();
        var key = NewKey();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => PostAsync(staff, "/api/payments", new { orderId, amountPaid = total + 50m }, key)));

        var receipts = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(receipts);
        foreach (var answer in answers.Except(receipts))
        {
            Assert.True(await IsStillProcessingAsync(answer),
                $"A concurrent repeat answered {(int)answer.StatusCode}: {await BodyAsync(answer)}");
        }
        var bodies = await Task.WhenAll(receipts.Select(BodyAsync));
        Assert.Single(bodies.Distinct());
        Assert.Equal(receipts.Count - 1, receipts.Count(IsReplay));
        await AssertPaidOnceAsync(orderId);
    }

    [Fact]
    public async Task Ten_concurrent_payments_with_ten_keys_take_the_cash_once_and_the_others_are_told_already_paid()
    {
        var (orderId, total) = await PayableOrderAsync((201, 2));
        using var staff = fixture.CreateStaffClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => PostAsync(staff, "/api/payments", new { orderId, amountPaid = total }, NewKey())));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            var problem = await KioskClient.ProblemAsync(refused, HttpStatusCode.Conflict);
            Assert.Equal("Order already paid", problem["title"]!.GetValue<string>());
        }
        await AssertPaidOnceAsync(orderId);
    }

    [Fact]
    public async Task A_key_that_is_too_long_is_refused_with_400_and_takes_nothing()
    {
        var (orderId, total) = await PayableOrderAsync((202, 1));
        using var staff = fixture.CreateStaffClient();

        var refused = await PostAsync(staff, "/api/payments", new { orderId, amountPaid = total }, new string('k', 201));

        var problem = await KioskClient.ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("Idempotency-Key", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(staff, "/api/payments", new { orderId, amountPaid = total }, null)).StatusCode);
    }

    [Fact]
    public async Task Without_a_key_a_repeated_payment_is_refused_as_already_paid_as_before()
    {
        var (orderId, total) = await PayableOrderAsync((203, 1));
        using var staff = fixture.CreateStaffClient();

        var first = await PostAsync(staff, "/api/payments", new { orderId, amountPaid = total }, null);
        var again = await PostAsync(staff, "/api/payments", new { orderId, amountPaid = total }, null);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(IsReplay(first));
        var problem = await KioskClient.ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("Order already paid", problem["title"]!.GetValue<string>());
        Assert.False(IsReplay(again));
    }

    /// <summary>An order the payment service already knows, so every request here races on the payment itself.</summary>
    private async Task<(string OrderId, decimal Total)> PayableOrderAsync(params (int MenuItemId, int Quantity)[] lines)
    {
        var (orderId, total) = await _kiosk.PlaceOrderAsync(lines);
        await _kiosk.WaitForOrderAsync(orderId);
        await Eventually.TrueAsync(async () => (await _kiosk.PayAsync(orderId, 0.5m)).StatusCode == HttpStatusCode.UnprocessableEntity,
            KioskClient.Patience, "the payment service to know the order");
        return (orderId, total);
    }

    private async Task AssertPaidOnceAsync(string orderId)
    {
        // PAID means PAYMENT_CONFIRMED was published and consumed; a second payment's event would be on the topic by then too.
        await _kiosk.WaitForOrderAsync(orderId, "PAID");
        Assert.Equal(1, await Task.Run(() => TopicMessages.CountWithKey(fixture, Topics.PaymentConfirmed, orderId)));
    }
}
