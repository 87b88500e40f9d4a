using System.Text;

namespace Kiosk.IntegrationTests.Counter;

/// <summary>Senior citizen / PWD discounts at the counter: the quote, the discounted payment and its sales invoice.</summary>
[Collection(KioskCollection.Name)]
public sealed class DiscountTests(KioskAppFixture fixture) : IDisposable
{
    private readonly CounterClient _counter = new(fixture);

    [Fact]
    public async Task A_plain_quote_is_the_whole_total_vatable()
    {
        var (orderId, orderNumber, _) = await _counter.PlacePayableOrderAsync((CounterClient.MealAt112, 2));

        var quote = await CounterClient.JsonAsync(await _counter.QuoteAsync(orderId), HttpStatusCode.OK);

        Assert.Equal(orderNumber, quote["orderNumber"]!.GetValue<int>());
        AssertBreakdown(quote, total: 224.00m, vatable: 200.00m, vat: 24.00m, exempt: 0.00m, discount: 0.00m, due: 224.00m);
    }

    [Fact]
    public async Task One_senior_alone_pays_160_for_a_224_peso_meal_with_the_invoice_on_the_receipt()
    {
        var (orderId, orderNumber, total) = await _counter.PlacePayableOrderAsync((CounterClient.MealAt112, 2));
        Assert.Equal(224.00m, total);
        var senior = CounterClient.Senior(1, ("Lourdes Santos", "SC-2024-001234"));

        var quote = await CounterClient.JsonAsync(await _counter.QuoteAsync(orderId, senior), HttpStatusCode.OK);
        AssertBreakdown(quote, total: 224.00m, vatable: 0.00m, vat: 0.00m, exempt: 200.00m, discount: 40.00m, due: 160.00m);

        using var paid = await _counter.PayAsync(orderId, 200.00m, senior);
        var receipt = await CounterClient.JsonAsync(paid, HttpStatusCode.Created);
        AssertBreakdown(receipt, total: 224.00m, vatable: 0.00m, vat: 0.00m, exempt: 200.00m, discount: 40.00m, due: 160.00m);
        Assert.Equal(40.00m, receipt["change"]!.GetValue<decimal>());
        Assert.Equal("SENIOR", receipt["discountKind"]!.GetValue<string>());
        Assert.Equal(1, receipt["diners"]!.GetValue<int>());
        var holder = Assert.Single(receipt["holders"]!.AsArray())!;
        Assert.Equal(("Lourdes Santos", "SC-2024-001234"), (holder["name"]!.GetValue<string>(), holder["idNumber"]!.GetValue<string>()));
        var invoice = receipt["invoiceNumber"]!.GetValue<string>();
        CounterClient.InvoiceNumberOf(receipt);

        // The stored receipt is the same invoice.
        var stored = await _counter.Staff.GetFromJsonAsync<JsonObject>(paid.Headers.Location!.ToString());
        Assert.Equal(invoice, stored!["invoiceNumber"]!.GetValue<string>());
        Assert.Equal(160.00m, stored["amountDue"]!.GetValue<decimal>());

        // PAYMENT_CONFIRMED keeps its fields and adds the invoice, but never a holder's name or ID number.
        var message = new KafkaProbe(fixture).Find("PAYMENT_CONFIRMED", m => m.Key == orderId);
        var payload = Encoding.UTF8.GetString(message.Value);
        var confirmed = JsonNode.Parse(payload)!.AsObject();
        Assert.Equal(224.00m, confirmed["total"]!.GetValue<decimal>());
        Assert.Equal(200.00m, confirmed["amount_paid"]!.GetValue<decimal>());
        Assert.Equal(40.00m, confirmed["change"]!.GetValue<decimal>());
        Assert.Equal(invoice, confirmed["invoice_number"]!.GetValue<string>());
        Assert.Equal(160.00m, confirmed["amount_due"]!.GetValue<decimal>());
        Assert.Equal(200.00m, confirmed["vat_exempt_sales"]!.GetValue<decimal>());
        Assert.Equal(40.00m, confirmed["discount"]!.GetValue<decimal>());
        Assert.Equal("SENIOR", confirmed["discount_kind"]!.GetValue<string>());
        Assert.Equal(1, confirmed["discount_holders"]!.GetValue<int>());
        Assert.DoesNotContain("SC-2024-001234", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("Lourdes", payload, StringComparison.Ordinal);

        var order = await _counter.Kiosk.WaitForOrderAsync(orderId, "PAID");
        Assert.Equal(orderNumber, order["orderNumber"]!.GetValue<int>());
    }

    [Fact]
    public async Task Two_diners_sharing_448_pesos_with_one_senior_pay_384_and_cash_is_checked_against_the_amount_due()
    {
        var (orderId, _, total) = await _counter.PlacePayableOrderAsync((CounterClient.MealAt112, 4));
        Assert.Equal(448.00m, total);
        var senior = CounterClient.Senior(2, ("Lourdes Santos", "SC-2024-001234"));

        var quote = await CounterClient.JsonAsync(await _counter.QuoteAsync(orderId, senior), HttpStatusCode.OK);
        AssertBreakdown(quote, total: 448.00m, vatable: 200.00m, vat: 24.00m, exempt: 200.00m, discount: 40.00m, due: 384.00m);

        // Enough for the discounted amount, not for the total: the amount due is what counts; one centavo short is refused.
        var shortProblem = await KioskClient.ProblemAsync(await _counter.PayAsync(orderId, 383.99m, senior), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(384.00m, shortProblem["amountDue"]!.GetValue<decimal>());

        var receipt = await CounterClient.JsonAsync(await _counter.PayAsync(orderId, 400.00m, senior), HttpStatusCode.Created);
        AssertBreakdown(receipt, total: 448.00m, vatable: 200.00m, vat: 24.00m, exempt: 200.00m, discount: 40.00m, due: 384.00m);
        Assert.Equal((400.00m, 16.00m), (receipt["amountPaid"]!.GetValue<decimal>(), receipt["change"]!.GetValue<decimal>()));
        Assert.Equal(2, receipt["diners"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_discounted_payment_with_an_idempotency_key_answers_the_same_receipt_again()
    {
        var (orderId, _, _) = await _counter.PlacePayableOrderAsync((CounterClient.MealAt112, 2));
        var body = new { orderId, amountPaid = 200.00m, discount = CounterClient.Senior(1, ("Ana Cruz", "SC-55")) };
        var key = Guid.NewGuid().ToString();

        var first = await CounterClient.JsonAsync(await SendWithKeyAsync(key, body), HttpStatusCode.Created);
        var again = await CounterClient.JsonAsync(await SendWithKeyAsync(key, body), HttpStatusCode.Created);
        var otherDiscount = new { orderId, amountPaid = 200.00m, discount = CounterClient.Senior(2, ("Ana Cruz", "SC-55")) };
        using var reused = await SendWithKeyAsync(key, otherDiscount);

        Assert.Equal(first["invoiceNumber"]!.GetValue<string>(), again["invoiceNumber"]!.GetValue<string>());
        Assert.Equal(160.00m, again["amountDue"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
    }

    public static TheoryData<string, string> InvalidDiscounts => new()
    {
        { """{ "kind": "SENIOR", "diners": 1, "holders": [{ "name": "A", "idNumber": "1" }, { "name": "B", "idNumber": "2" }] }""", "discount.holders" },
        { """{ "kind": "SENIOR", "diners": 0, "holders": [{ "name": "A", "idNumber": "1" }] }""", "discount.diners" },
        { """{ "kind": "PWD", "diners": 2, "holders": [{ "idNumber": "1" }] }""", "discount.holders[0].name" },
        { """{ "kind": "PWD", "diners": 2, "holders": [{ "name": "A", "idNumber": " " }] }""", "discount.holders[0].idNumber" },
        { """{ "kind": "STUDENT", "diners": 2, "holders": [{ "name": "A", "idNumber": "1" }] }""", "discount.kind" },
    };

    [Theory]
    [MemberData(nameof(InvalidDiscounts))]
    public async Task An_invalid_discount_is_a_400_naming_the_field_for_the_quote_and_the_payment(string discount, string field)
    {
        var orderId = Guid.NewGuid();
        foreach (var (path, body) in new[]
                 {
                     ("/api/payments/quote", $$"""{ "orderId": "{{orderId}}", "discount": {{discount}} }"""),
                     ("/api/payments", $$"""{ "orderId": "{{orderId}}", "amountPaid": 500.00, "discount": {{discount}} }"""),
                 })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            var problem = await KioskClient.ProblemAsync(await _counter.Staff.PostAsync(path, content), HttpStatusCode.BadRequest);
            var errors = problem["errors"]!.AsObject();
            Assert.True(errors.ContainsKey(field), $"{path}: expected an error for {field}, got {errors.ToJsonString()}");
        }
    }

    private async Task<HttpResponseMessage> SendWithKeyAsync(string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await _counter.Staff.SendAsync(request);
    }

    private static void AssertBreakdown(JsonObject json, decimal total, decimal vatable, decimal vat, decimal exempt, decimal discount, decimal due) =>
        Assert.Equal(
            (total, vatable, vat, exempt, 0.00m, discount, due),
            (json["total"]!.GetValue<decimal>(), json["vatableSales"]!.GetValue<decimal>(), json["vat"]!.GetValue<decimal>(),
                json["vatExemptSales"]!.GetValue<decimal>(), json["zeroRatedSales"]!.GetValue<decimal>(),
                json["discount"]!.GetValue<decimal>(), json["amountDue"]!.GetValue<decimal>()));

    public void Dispose() => _counter.Dispose();
}
