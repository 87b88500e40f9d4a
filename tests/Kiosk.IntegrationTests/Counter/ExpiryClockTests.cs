using Aspire.Hosting.Testing;
using Kiosk.Contracts;
using Kiosk.ServiceDefaults.Http;
using Kiosk.Orders.Data;
using Kiosk.Orders.Expiry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.IntegrationTests.Counter;

/// <summary>
/// The order service's day-end expiry driven by a fake clock: its own sweep, built here with its DbContext on the test
/// app's orders database and its payments client on the running payment service, so only the clock is not real. The
/// running order service relays what the sweep writes to its outbox.
/// </summary>
[Collection(KioskCollection.Name)]
public sealed class ExpiryClockTests(KioskAppFixture fixture) : IDisposable
{
    private readonly CounterClient _counter = new(fixture);

    [Fact]
    public async Task When_the_clock_passes_the_day_end_yesterdays_unpaid_order_expires_once_and_a_paid_one_stays_paid()
    {
        var (unpaid, unpaidNumber, _) = await _counter.PlacePayableOrderAsync((101, 1));
        var (paid, _, _) = await _counter.PlacePayableOrderAsync((101, 1));
        await CounterClient.JsonAsync(await _counter.PayAsync(paid, 100.00m), HttpStatusCode.Created);
        await _counter.Kiosk.WaitForOrderAsync(paid, "PAID");

        var dayEnd = StoreDayEnd.From(StoreCalendar.FromTimeZoneId(null), null);
        var today = dayEnd.Calendar.DayOf(DateTimeOffset.UtcNow);
        var clock = new FakeTimeProvider(dayEnd.EndOf(today) - TimeSpan.FromMinutes(1));
        await using var services = await OrderServiceWithClockAsync(clock, dayEnd);
        var sweep = services.GetRequiredService<OrderExpirySweep>();

        // A minute before the day end the order is still today's: nothing expires.
        await sweep.RunAsync(CancellationToken.None);
        Assert.Equal("PENDING", await StatusAsync(unpaid));

        // The clock passes the day end: today's orders are now yesterday's. (Any other unpaid order of today expires too.)
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await sweep.RunAsync(CancellationToken.None) >= 1, "The sweep after the day end expired nothing.");
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await sweep.RunAsync(CancellationToken.None));

        var expired = await _counter.Kiosk.WaitForOrderAsync(unpaid, "EXPIRED");
        Assert.Equal(unpaidNumber, expired["orderNumber"]!.GetValue<int>());
        Assert.Equal("PAID", await StatusAsync(paid));
        var refused = await KioskClient.ProblemAsync(await _counter.PayAsync(unpaid, 100.00m), HttpStatusCode.Conflict);
        Assert.Equal("EXPIRED", refused["orderStatus"]!.GetValue<string>());

        // ORDER_STATUS_CHANGED EXPIRED queued once, and published; the same for ORDER_CANCELLED.
        Assert.Equal(1L, await OutboxRowsAsync(Topics.OrderStatusChanged, unpaid, "EXPIRED"));
        Assert.Equal(1L, await OutboxRowsAsync(Topics.OrderCancelled, unpaid, "EXPIRED"));
        Assert.Equal(0L, await OutboxRowsAsync(Topics.OrderStatusChanged, paid, "EXPIRED"));
        var probe = new KafkaProbe(fixture);
        var announced = probe.Find(Topics.OrderStatusChanged,
            m => m.Key == unpaid && JsonNode.Parse(m.Value)!["status"]!.GetValue<string>() == "EXPIRED");
        Assert.Equal("PENDING", JsonNode.Parse(announced.Value)!["previous_status"]!.GetValue<string>());
    }

    /// <summary>The order service's expiry as the service builds it, on the test app's database, with <paramref name="clock"/>.</summary>
    private async Task<ServiceProvider> OrderServiceWithClockAsync(TimeProvider clock, StoreDayEnd dayEnd)
    {
        var ordersDb = await fixture.App.GetConnectionStringAsync("ordersdb");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StaffApiKey.ConfigurationKey] = KioskAppFixture.StaffApiKeyForTests })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(clock)
            .AddSingleton(dayEnd)
            .AddSingleton<OrderExpirySweep>()
            .AddDbContext<OrdersDbContext>(options => options.UseNpgsql(ordersDb));
        services.AddHttpClient<Kiosk.Orders.Payments.PaymentsClient>(http => http.BaseAddress = fixture.App.GetEndpoint("payments", "http"));
        return services.BuildServiceProvider();
    }

    private async Task<string> StatusAsync(string orderId) =>
        (await _counter.Staff.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}"))!["status"]!.GetValue<string>();

    private Task<long> OutboxRowsAsync(string topic, string orderId, string status) =>
        _counter.QuerySqlAsync<long>("ordersdb",
            """SELECT count(*) FROM outbox_messages WHERE "Topic" = @topic AND "Key" = @key AND "Payload"->>'status' = @status""",
            ("topic", topic), ("key", orderId), ("status", status));

    public void Dispose() => _counter.Dispose();
}
