using Aspire.Hosting.Testing;
using Npgsql;

namespace Kiosk.IntegrationTests.Counter;

/// <summary>The cashier's calls through the gateway: quotes, payments with a discount, cancellations, the day's report.</summary>
public sealed class CounterClient(KioskAppFixture fixture) : IDisposable
{
    /// <summary>Jolly Spaghetti with Yumburger, ₱112.00: two make the issue's ₱224.00 meal, four its ₱448.00.</summary>
    public const int MealAt112 = 302;

    private readonly KioskClient _kiosk = new(fixture);

    public HttpClient Staff { get; } = fixture.CreateStaffClient();

    public KioskClient Kiosk => _kiosk;

    /// <summary>Places an order and waits until payments can quote it (ORDER_CREATED has arrived there).</summary>
    public async Task<(string OrderId, int OrderNumber, decimal Total)> PlacePayableOrderAsync(params (int MenuItemId, int Quantity)[] lines)
    {
        var (orderId, total) = await _kiosk.PlaceOrderAsync(lines);
        var order = await _kiosk.WaitForOrderAsync(orderId);
        await Eventually.TrueAsync(async () =>
        {
            using var quote = await QuoteAsync(orderId);
            return quote.StatusCode == HttpStatusCode.OK;
        }, KioskClient.Patience, $"payments to know order {orderId}");
        return (orderId, order["orderNumber"]!.GetValue<int>(), total);
    }

    public Task<HttpResponseMessage> QuoteAsync(string orderId, object? discount = null) =>
        Staff.PostAsJsonAsync("/api/payments/quote", new { orderId, discount });

    public Task<HttpResponseMessage> PayAsync(string orderId, decimal amountPaid, object? discount = null) =>
        Staff.PostAsJsonAsync("/api/payments", new { orderId, amountPaid, discount });

    public Task<HttpResponseMessage> CancelAsync(string orderId, string? reason = "Customer left") =>
        Staff.PostAsJsonAsync($"/api/orders/{orderId}/cancel", new { reason });

    public static object Senior(int diners, params (string Name, string IdNumber)[] holders) =>
        new { kind = "SENIOR", diners, holders = holders.Select(h => new { name = h.Name, idNumber = h.IdNumber }).ToArray() };

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static long InvoiceNumberOf(JsonObject receipt)
    {
        var text = receipt["invoiceNumber"]!.GetValue<string>();
        Assert.Matches("^SI-[0-9]{8}$", text);
        return long.Parse(text[3..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<HttpResponseMessage> CloseDayAsync(DateOnly? businessDay) =>
        Staff.PostAsJsonAsync("/api/payments/reports/daily/close",
            new { businessDay = businessDay?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>A long-gone business day of its own for one test: nobody else's payments are moved there.</summary>
    public static DateOnly FarPastDay() => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1000 - Random.Shared.Next(0, 8_000));

    /// <summary>Moves a payment (and its order) to noon of <paramref name="day"/> in the store's time zone (Manila), as if taken then.</summary>
    public async Task MovePaymentToAsync(string orderId, DateOnly day)
    {
        var noon = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
        var id = Guid.Parse(orderId);
        Assert.Equal(1, await ExecuteSqlAsync("paymentsdb", """UPDATE payments SET "PaidAt" = @at WHERE "OrderId" = @id""", ("at", noon), ("id", id)));
        Assert.Equal(1, await ExecuteSqlAsync("paymentsdb",
            """UPDATE payable_orders SET "PaidAt" = @at, "CreatedAt" = @at WHERE "OrderId" = @id""", ("at", noon), ("id", id)));
    }

    /// <summary>Runs a statement against one service's database; answers the rows it affected.</summary>
    public async Task<int> ExecuteSqlAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var db = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync(database));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row of a query.</summary>
    public async Task<T> QuerySqlAsync<T>(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var db = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync(database));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => Staff.Dispose();
}
