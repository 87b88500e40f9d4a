using Npgsql;

namespace Kiosk.IntegrationTests.Counter;

/// <summary>Closing a business day: its Z reading is stored once, numbered, and carries the grand total on.</summary>
[Collection(KioskCollection.Name)]
public sealed class ZReadingTests(KioskAppFixture fixture) : IDisposable
{
    private const int ConcurrentCloses = 5;
    private readonly CounterClient _counter = new(fixture);

    [Fact]
    public async Task Closing_a_day_twice_stores_one_Z_reading_and_answers_the_same_figures()
    {
        var day = CounterClient.FarPastDay();
        await PayOnDayAsync(day);

        var open = await ReportAsync(day);
        Assert.Equal(("X", true), (open["reading"]!.GetValue<string>(), open["dayEnded"]!.GetValue<bool>()));
        Assert.Null(open["zNumber"]);

        using var firstAnswer = await _counter.CloseDayAsync(day);
        var first = await CounterClient.JsonAsync(firstAnswer, HttpStatusCode.Created);
        var second = await CounterClient.JsonAsync(await _counter.CloseDayAsync(day), HttpStatusCode.OK);
        var stored = await ReportAsync(day);

        Assert.Equal("Z", first["reading"]!.GetValue<string>());
        Assert.Equal((1, 99.00m), (first["transactions"]!.GetValue<int>(), first["netSales"]!.GetValue<decimal>()));
        Assert.Equal(open["accumulatedGrandTotal"]!.GetValue<decimal>(), first["accumulatedGrandTotal"]!.GetValue<decimal>());
        foreach (var answer in new[] { second, stored })
        {
            Assert.Equal("Z", answer["reading"]!.GetValue<string>());
            Assert.Equal(Figures(first), Figures(answer));
        }
        Assert.Equal(1L, await CountZReadingsAsync(day));
        // The close is in the audit trail once (the repeat stored nothing), with the Z number it took.
        var closes = System.Text.Json.Nodes.JsonNode.Parse(await _counter.Staff.GetStringAsync("/api/payments/audit?action=day.closed&limit=1000"))!
            .AsArray().Where(entry => entry!["subject"]!.GetValue<string>() == $"{day:yyyy-MM-dd}").ToList();
        var close = Assert.Single(closes);
        Assert.Equal("staff-api-key", close!["crewId"]!.GetValue<string>());
        Assert.Equal(first["zNumber"]!.GetValue<long>(), close["details"]!["zNumber"]!.GetValue<long>());

        // A fiscal record: the database itself refuses to change it.
        var refused = await Assert.ThrowsAsync<PostgresException>(() => _counter.ExecuteSqlAsync("paymentsdb",
            """UPDATE z_readings SET "NetSales" = 0 WHERE "BusinessDay" = @day""", ("day", day)));
        Assert.Contains("cannot be changed", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_grand_total_carries_on_from_one_closed_day_to_the_next_and_Z_numbers_follow()
    {
        var first = CounterClient.FarPastDay();
        var second = first.AddDays(1);
        await PayOnDayAsync(first);
        await PayOnDayAsync(second);
        await PayOnDayAsync(second);

        var one = await CounterClient.JsonAsync(await _counter.CloseDayAsync(first), HttpStatusCode.Created);
        var two = await CounterClient.JsonAsync(await _counter.CloseDayAsync(second), HttpStatusCode.Created);

        Assert.Equal(99.00m, one["netSales"]!.GetValue<decimal>());
        Assert.Equal(198.00m, two["netSales"]!.GetValue<decimal>());
        Assert.Equal(one["accumulatedGrandTotalBefore"]!.GetValue<decimal>() + 99.00m, one["accumulatedGrandTotal"]!.GetValue<decimal>());
        Assert.Equal(one["accumulatedGrandTotal"]!.GetValue<decimal>(), two["accumulatedGrandTotalBefore"]!.GetValue<decimal>());
        Assert.Equal(one["accumulatedGrandTotal"]!.GetValue<decimal>() + 198.00m, two["accumulatedGrandTotal"]!.GetValue<decimal>());
        Assert.Equal(one["zNumber"]!.GetValue<long>() + 1, two["zNumber"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_day_still_open_for_payment_cannot_be_closed()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Manila")).DateTime);

        var open = await KioskClient.ProblemAsync(await _counter.CloseDayAsync(today), HttpStatusCode.Conflict);
        Assert.Contains(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), open["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0L, await CountZReadingsAsync(today));
        await KioskClient.ProblemAsync(await _counter.CloseDayAsync(today.AddDays(3)), HttpStatusCode.Conflict);
        var notADate = await KioskClient.ProblemAsync(
            await _counter.Staff.PostAsJsonAsync("/api/payments/reports/daily/close", new { businessDay = "yesterday" }), HttpStatusCode.BadRequest);
        Assert.True(notADate["errors"]!.AsObject().ContainsKey("businessDay"));
        using (var noKey = await _counter.Kiosk.Customer.PostAsJsonAsync("/api/payments/reports/daily/close", new { businessDay = "2020-01-01" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        }

        // Without a day: the latest day whose day end has passed, with the default day end yesterday.
        using var latest = await _counter.Staff.PostAsync("/api/payments/reports/daily/close", null);
        Assert.True(latest.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"Closing the latest ended day answered {(int)latest.StatusCode}");
        var closed = await latest.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(today.AddDays(-1), DateOnly.Parse(closed!["businessDay"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Five_concurrent_closes_of_one_day_store_exactly_one_Z_number()
    {
        var day = CounterClient.FarPastDay();
        await PayOnDayAsync(day);

        var answers = await Task.WhenAll(Enumerable.Range(0, ConcurrentCloses).Select(_ => _counter.CloseDayAsync(day)));
        var readings = new List<JsonObject>();
        foreach (var answer in answers)
        {
            using (answer)
            {
                Assert.True(answer.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK,
                    $"A close answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
                readings.Add((await answer.Content.ReadFromJsonAsync<JsonObject>())!);
            }
        }

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Single(readings.Select(r => r["zNumber"]!.GetValue<long>()).Distinct());
        Assert.Single(readings.Select(Figures).Distinct());
        Assert.Equal(1L, await CountZReadingsAsync(day));
    }

    private async Task PayOnDayAsync(DateOnly day)
    {
        var (orderId, _, _) = await _counter.PlacePayableOrderAsync((101, 1));
        await CounterClient.JsonAsync(await _counter.PayAsync(orderId, 100.00m), HttpStatusCode.Created);
        await _counter.MovePaymentToAsync(orderId, day);
    }

    private async Task<JsonObject> ReportAsync(DateOnly day) =>
        (await _counter.Staff.GetFromJsonAsync<JsonObject>($"/api/payments/reports/daily?businessDay={day:yyyy-MM-dd}"))!;

    private Task<long> CountZReadingsAsync(DateOnly day) =>
        _counter.QuerySqlAsync<long>("paymentsdb", """SELECT count(*) FROM z_readings WHERE "BusinessDay" = @day""", ("day", day));

    /// <summary>Every stored figure of a reading, without the time it was printed.</summary>
    private static string Figures(JsonObject reading)
    {
        var copy = reading.DeepClone().AsObject();
        copy.Remove("generatedAt");
        return copy.ToJsonString();
    }

    public void Dispose() => _counter.Dispose();
}
