namespace Kiosk.IntegrationTests.Counter;

/// <summary>Sales invoice numbers, cancelled and expired orders, today's lists and the day's sales report.</summary>
[Collection(KioskCollection.Name)]
public sealed class InvoiceAndCancellationTests(KioskAppFixture fixture) : IDisposable
{
    private const int ConcurrentPayments = 20;
    private readonly CounterClient _counter = new(fixture);

    [Fact]
    public async Task Twenty_concurrent_payments_get_twenty_unique_gapless_invoice_numbers()
    {
        var orders = new List<string>();
        for (var i = 0; i < ConcurrentPayments; i++)
        {
            orders.Add((await _counter.PlacePayableOrderAsync((101, 1))).OrderId);
        }

        var answers = await Task.WhenAll(orders.Select(orderId => _counter.PayAsync(orderId, 100.00m)));
        var receipts = await Task.WhenAll(answers.Select(answer => CounterClient.JsonAsync(answer, HttpStatusCode.Created)));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        var numbers = receipts.Select(CounterClient.InvoiceNumberOf).Order().ToList();
        Assert.Equal(ConcurrentPayments, numbers.Distinct().Count());
        // This collection's tests run one at a time, so nobody else paid meanwhile: the twenty numbers are consecutive.
        Assert.Equal(Enumerable.Range(0, ConcurrentPayments).Select(i => numbers[0] + i), numbers);
    }

    [Fact]
    public async Task A_refused_payment_takes_no_invoice_number()
    {
        var (first, _, _) = await _counter.PlacePayableOrderAsync((101, 1));
        var (second, _, _) = await _counter.PlacePayableOrderAsync((101, 1));

        var one = await CounterClient.JsonAsync(await _counter.PayAsync(first, 100.00m), HttpStatusCode.Created);
        using var again = await _counter.PayAsync(first, 100.00m);
        using var tooLittle = await _counter.PayAsync(second, 1.00m);
        var two = await CounterClient.JsonAsync(await _counter.PayAsync(second, 100.00m), HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLittle.StatusCode);
        Assert.Equal(CounterClient.InvoiceNumberOf(one) + 1, CounterClient.InvoiceNumberOf(two));
    }

    [Fact]
    public async Task A_cancelled_order_cannot_be_paid_and_leaves_the_cashiers_list()
    {
        var (orderId, _, _) = await _counter.PlacePayableOrderAsync((101, 1));

        var missingReason = await KioskClient.ProblemAsync(await _counter.CancelAsync(orderId, reason: " "), HttpStatusCode.BadRequest);
        Assert.True(missingReason["errors"]!.AsObject().ContainsKey("reason"));
        using (var noKey = await _counter.Kiosk.Customer.PostAsJsonAsync($"/api/orders/{orderId}/cancel", new { reason = "x" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        }

        var cancelled = await CounterClient.JsonAsync(await _counter.CancelAsync(orderId, "Customer left"), HttpStatusCode.OK);
        Assert.Equal(("CANCELLED", "Customer left"), (cancelled["status"]!.GetValue<string>(), cancelled["cancelReason"]!.GetValue<string>()));

        var refused = await KioskClient.ProblemAsync(await _counter.PayAsync(orderId, 500.00m), HttpStatusCode.Conflict);
        Assert.Equal("CANCELLED", refused["orderStatus"]!.GetValue<string>());
        await KioskClient.ProblemAsync(await _counter.CancelAsync(orderId), HttpStatusCode.Conflict);
        await KioskClient.ProblemAsync(await _counter.QuoteAsync(orderId), HttpStatusCode.Conflict);

        var pending = await _counter.Staff.GetFromJsonAsync<JsonArray>("/api/orders?status=PENDING&businessDay=today");
        Assert.DoesNotContain(pending!, o => o!["orderId"]!.GetValue<string>() == orderId);
        var cancelledToday = await _counter.Staff.GetFromJsonAsync<JsonArray>("/api/orders?status=CANCELLED&businessDay=today");
        Assert.Contains(cancelledToday!, o => o!["orderId"]!.GetValue<string>() == orderId);
        var message = new KafkaProbe(fixture).Find("ORDER_CANCELLED", m => m.Key == orderId);
        Assert.Equal("CANCELLED", JsonNode.Parse(message.Value)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_paid_order_cannot_be_cancelled()
    {
        var (orderId, _, _) = await _counter.PlacePayableOrderAsync((101, 1));
        await CounterClient.JsonAsync(await _counter.PayAsync(orderId, 100.00m), HttpStatusCode.Created);

        await KioskClient.ProblemAsync(await _counter.CancelAsync(orderId), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Payment_and_cancellation_racing_for_one_order_have_exactly_one_winner()
    {
        for (var round = 0; round < 6; round++)
        {
            var (orderId, _, _) = await _counter.PlacePayableOrderAsync((101, 1));

            var pay = _counter.PayAsync(orderId, 100.00m);
            var cancel = _counter.CancelAsync(orderId, "Race");
            using var paid = await pay;
            using var cancelled = await cancel;

            var outcome = ((int)paid.StatusCode, (int)cancelled.StatusCode);
            Assert.True(outcome is (201, 409) or (409, 200), $"Round {round}: payment {outcome.Item1}, cancellation {outcome.Item2}");
            await _counter.Kiosk.WaitForOrderAsync(orderId, outcome.Item1 == 201 ? "PAID" : "CANCELLED");
        }
    }

    [Fact]
    public async Task Yesterdays_unpaid_order_expires_leaves_todays_lists_and_cannot_be_paid_today()
    {
        var (orderId, orderNumber, _) = await _counter.PlacePayableOrderAsync((101, 1));
        var today = await _counter.Staff.GetFromJsonAsync<JsonArray>("/api/orders?status=PENDING&businessDay=today");
        var listed = today!.Single(o => o!["orderId"]!.GetValue<string>() == orderId)!;

        // Move the order into a long-gone business day, as if it had waited there since. The day is the store's
        // (Asia/Manila), which is a day ahead of UTC for eight hours of every UTC day.
        var day = DateOnly.ParseExact(listed["businessDay"]!.GetValue<string>(), "yyyy-MM-dd").AddDays(-400);
        Assert.Equal(1, await _counter.ExecuteSqlAsync("ordersdb", """UPDATE orders SET "BusinessDay" = @day, "CreatedAt" = "CreatedAt" - interval '400 days' WHERE "Id" = @id""",
            ("day", day), ("id", Guid.Parse(orderId))));
        Assert.Equal(1, await _counter.ExecuteSqlAsync("paymentsdb", """UPDATE payable_orders SET "CreatedAt" = "CreatedAt" - interval '400 days' WHERE "OrderId" = @id""",
            ("id", Guid.Parse(orderId))));

        today = await _counter.Staff.GetFromJsonAsync<JsonArray>("/api/orders?status=PENDING&businessDay=today");
        Assert.DoesNotContain(today!, o => o!["orderId"]!.GetValue<string>() == orderId);
        // Its day has ended: payments refuses it even before the sweep has run.
        var refused = await KioskClient.ProblemAsync(await _counter.PayAsync(orderId, 100.00m), HttpStatusCode.Conflict);
        Assert.Equal("EXPIRED", refused["orderStatus"]!.GetValue<string>());

        using var sweep = await _counter.Staff.PostAsync("/api/orders/expire", null);
        Assert.Equal(HttpStatusCode.OK, sweep.StatusCode);
        var expired = await _counter.Kiosk.WaitForOrderAsync(orderId, "EXPIRED");
        Assert.Equal(orderNumber, expired["orderNumber"]!.GetValue<int>());
        await KioskClient.ProblemAsync(await _counter.CancelAsync(orderId), HttpStatusCode.Conflict);

        var report = await _counter.Staff.GetFromJsonAsync<JsonObject>($"/api/payments/reports/daily?day={day:yyyy-MM-dd}");
        // Ended, but an X reading until the crew close the day.
        Assert.Equal(("X", true), (report!["reading"]!.GetValue<string>(), report["dayEnded"]!.GetValue<bool>()));
        Assert.Equal(1, report["expiredOrders"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_days_report_adds_up_the_payments_discounts_and_cancellations()
    {
        var before = await ReportAsync();
        var (discounted, _, _) = await _counter.PlacePayableOrderAsync((CounterClient.MealAt112, 4));
        var (plain, _, _) = await _counter.PlacePayableOrderAsync((101, 1));
        var (toCancel, _, _) = await _counter.PlacePayableOrderAsync((101, 1));
        var first = await CounterClient.JsonAsync(
            await _counter.PayAsync(discounted, 400.00m, CounterClient.Senior(2, ("Lourdes Santos", "SC-1"))), HttpStatusCode.Created);
        var last = await CounterClient.JsonAsync(await _counter.PayAsync(plain, 100.00m), HttpStatusCode.Created);
        await CounterClient.JsonAsync(await _counter.CancelAsync(toCancel), HttpStatusCode.OK);

        var after = await ReportAsync();

        Assert.Equal("X", after["reading"]!.GetValue<string>());
        Assert.Equal(2, after["transactions"]!.GetValue<int>() - before["transactions"]!.GetValue<int>());
        Assert.Equal(448.00m + 99.00m, Delta(before, after, "grossSales"));
        Assert.Equal(384.00m + 99.00m, Delta(before, after, "netSales"));
        Assert.Equal(384.00m + 99.00m, Delta(before, after, "cashExpected"));
        Assert.Equal(384.00m + 99.00m, Delta(before, after, "accumulatedGrandTotal"));
        Assert.Equal(200.00m, Delta(before, after, "vatExemptSales"));
        Assert.Equal(200.00m + 88.39m, Delta(before, after, "vatableSales"));
        Assert.Equal(24.00m + 10.61m, Delta(before, after, "vat"));
        Assert.Equal(40.00m, Delta(before, after, "totalDiscount"));
        Assert.Equal(1, after["cancelledOrders"]!.GetValue<int>() - before["cancelledOrders"]!.GetValue<int>());
        var senior = after["discounts"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "SENIOR")!;
        var seniorBefore = before["discounts"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "SENIOR")!;
        Assert.Equal(1, senior["count"]!.GetValue<int>() - seniorBefore["count"]!.GetValue<int>());
        Assert.Equal(first["invoiceNumber"]!.GetValue<string>(),
            before["firstInvoiceNumber"]?.GetValue<string>() is null ? after["firstInvoiceNumber"]!.GetValue<string>() : first["invoiceNumber"]!.GetValue<string>());
        Assert.Equal(last["invoiceNumber"]!.GetValue<string>(), after["lastInvoiceNumber"]!.GetValue<string>());
        Assert.Equal(24, after["salesPerHour"]!.AsArray().Count);
        Assert.Equal(after["netSales"]!.GetValue<decimal>(), after["salesPerHour"]!.AsArray().Sum(h => h!["sales"]!.GetValue<decimal>()));

        await KioskClient.ProblemAsync(await _counter.Staff.GetAsync("/api/payments/reports/daily?day=yesterday"), HttpStatusCode.BadRequest);
    }

    private async Task<JsonObject> ReportAsync() =>
        (await _counter.Staff.GetFromJsonAsync<JsonObject>("/api/payments/reports/daily"))!;

    private static decimal Delta(JsonObject before, JsonObject after, string field) =>
        after[field]!.GetValue<decimal>() - before[field]!.GetValue<decimal>();

    public void Dispose() => _counter.Dispose();
}
