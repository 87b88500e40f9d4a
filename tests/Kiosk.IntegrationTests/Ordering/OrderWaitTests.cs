using System.Diagnostics;
using System.Net.Http.Headers;
using Aspire.Hosting.Testing;
using Kiosk.Orders.Apis;
using Npgsql;

namespace Kiosk.IntegrationTests.Ordering;

/// <summary>
/// A kiosk need not poll in a tight loop: <c>GET /api/orders/{id}</c> with <c>Prefer: wait=N</c> answers the moment the
/// order is created or, with <c>If-None-Match</c>, changes; and still answers when the wait is over.
/// </summary>
[Collection(KioskCollection.Name)]
public sealed class OrderWaitTests(KioskAppFixture fixture)
{
    private const int WaitSeconds = 10;
    private readonly KioskClient _kiosk = new(fixture);

    [Fact]
    public async Task A_GET_preferring_to_wait_answers_the_moment_the_order_is_created_not_when_its_wait_is_over()
    {
        var orderId = Guid.NewGuid();
        var watch = Stopwatch.StartNew();
        var waiting = GetAsync(orderId, wait: WaitSeconds);

        // It is still waiting, not answering 404, while the order does not exist.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted, "the GET answered before the order existed");
        await OrderRows.InsertAsync(fixture, orderId, 99.00m);

        using var answer = await waiting;
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(WaitSeconds - 2), $"answered after {watch.Elapsed}, at the end of its wait, not at the insert");
        Assert.Equal(orderId.ToString(), (await answer.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>());
        Assert.Equal($"wait={WaitSeconds}", Assert.Single(answer.Headers.GetValues("Preference-Applied")));
        Assert.NotNull(answer.Headers.ETag);
    }

    [Fact]
    public async Task A_GET_preferring_to_wait_for_an_order_that_never_comes_answers_404_once_its_wait_is_over()
    {
        var watch = Stopwatch.StartNew();
        using var answer = await GetAsync(Guid.NewGuid(), wait: 2);

        var problem = await KioskClient.ProblemAsync(answer, HttpStatusCode.NotFound);
        Assert.Contains("not known yet", problem["detail"]!.GetValue<string>());
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.9), $"answered after {watch.Elapsed}: it did not wait");
        Assert.Equal("wait=2", Assert.Single(answer.Headers.GetValues("Preference-Applied")));
    }

    [Fact]
    public async Task A_GET_with_the_last_ETag_waits_for_the_payment_and_answers_the_paid_order()
    {
        var (orderId, total) = await _kiosk.PlaceOrderAsync((101, 1), (801, 1));
        await _kiosk.WaitForOrderAsync(orderId);
        using var pending = await GetAsync(Guid.Parse(orderId));
        var etag = pending.Headers.ETag ?? throw new InvalidOperationException("no ETag on the order");

        var waiting = GetAsync(Guid.Parse(orderId), wait: WaitSeconds, ifNoneMatch: etag);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted, "the GET answered although the order had not changed");
        var watch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Created, (await _kiosk.PayWhenReadyAsync(orderId, total)).StatusCode);

        using var paid = await waiting;
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("PAID", (await paid.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        Assert.NotEqual(etag, paid.Headers.ETag);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(WaitSeconds - 2), $"answered {watch.Elapsed} after the payment: at the end of its wait");
    }

    [Fact]
    public async Task A_GET_with_the_current_ETag_answers_304_at_once_or_when_a_preferred_wait_passes_without_a_change()
    {
        var (orderId, _) = await _kiosk.PlaceOrderAsync((201, 1));
        await _kiosk.WaitForOrderAsync(orderId);
        using var first = await GetAsync(Guid.Parse(orderId));
        var etag = first.Headers.ETag!;

        using var again = await GetAsync(Guid.Parse(orderId), ifNoneMatch: etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        var watch = Stopwatch.StartNew();
        using var waited = await GetAsync(Guid.Parse(orderId), wait: 2, ifNoneMatch: etag);
        Assert.Equal(HttpStatusCode.NotModified, waited.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.9), $"answered after {watch.Elapsed}: it did not wait");
    }

    [Fact]
    public async Task A_dropped_notification_connection_is_opened_again_and_waiting_GETs_are_woken_as_before()
    {
        var terminated = await ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @name) AS killed");
        Assert.True(terminated >= 1, "no listening connection of the order service was found");

        // The service opens a new one within its reconnect backoff.
        await Eventually.TrueAsync(
            async () => await ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name") >= 1,
            TimeSpan.FromSeconds(30), "the order service to listen again");
        var woken = Stopwatch.StartNew();
        var answer = await Eventually.ResultAsync(async () =>
        {
            var orderId = Guid.NewGuid();
            var waiting = GetAsync(orderId, wait: WaitSeconds);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            woken.Restart();
            await OrderRows.InsertAsync(fixture, orderId, 99.00m);
            var response = await waiting;
            // Between the new connection and its LISTEN a GET may still be answered at once, unwaited: ask again.
            return response.Headers.Contains("Preference-Applied") ? response : null;
        }, TimeSpan.FromSeconds(30), "a GET that waits again");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(woken.Elapsed < TimeSpan.FromSeconds(WaitSeconds - 2), $"answered {woken.Elapsed} after the insert: at the end of its wait");
        answer.Dispose();
    }

    [Theory]
    [InlineData("wait=0")]
    [InlineData("wait=soon")]
    [InlineData("respond-async")]
    public async Task A_GET_without_a_usable_wait_preference_answers_404_at_once(string prefer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{Guid.NewGuid()}");
        request.Headers.TryAddWithoutValidation("Prefer", prefer);
        using var answer = await _kiosk.Customer.SendAsync(request);

        await KioskClient.ProblemAsync(answer, HttpStatusCode.NotFound);
        Assert.False(answer.Headers.Contains("Preference-Applied"));
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var db = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("ordersdb"));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("name", OrderChanges.ListenerName);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private Task<HttpResponseMessage> GetAsync(Guid orderId, int? wait = null, EntityTagHeaderValue? ifNoneMatch = null) =>
        SendGetAsync(_kiosk.Customer, orderId, wait, ifNoneMatch);

    internal static async Task<HttpResponseMessage> SendGetAsync(
        HttpClient client, Guid orderId, int? wait = null, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{orderId}");
        if (wait is { } seconds)
        {
            request.Headers.TryAddWithoutValidation("Prefer", $"wait={seconds}");
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }
        return await client.SendAsync(request);
    }
}
