using System.Collections.Concurrent;

namespace Kiosk.IntegrationTests.Resilience;

/// <summary>An order that a kiosk was told about (202 with its id) and its total.</summary>
public sealed record PlacedOrder(Guid OrderId, decimal Total);

/// <summary>What a load run saw: every order placed and paid, and every failure.</summary>
public sealed class LoadResult
{
    public ConcurrentBag<PlacedOrder> Placed { get; } = [];
    public ConcurrentBag<Guid> Paid { get; } = [];
    public ConcurrentBag<string> Failures { get; } = [];
    private int _transientAnswers;

    public int TransientAnswers => _transientAnswers;

    public void CountTransientAnswer() => Interlocked.Increment(ref _transientAnswers);

    public override string ToString() =>
        $"{Placed.Count} orders placed, {Paid.Count} paid, {TransientAnswers} transient answers retried, {Failures.Count} failures";
}

/// <summary>
/// Several kiosks placing orders through the gateway, and a cashier paying each one, as a store's day looks. Answers a
/// client should retry during a fault (502/503/504, a timed-out request) are retried until <see cref="Patience"/>;
/// anything else, or running out of patience, is recorded as a failure.
/// </summary>
public sealed class OrderLoad(KioskAppFixture fixture)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly int[] MenuItems = [201, 401, 603, 703, 801];
    private static readonly HttpStatusCode[] RetryAnswers =
        [HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    private readonly KioskClient _kiosk = new(fixture);
    private readonly HttpClient _cashier = fixture.CreateStaffClient();

    /// <summary>Runs <paramref name="kiosks"/> kiosks until <paramref name="stopPlacing"/> (or <paramref name="ordersPerKiosk"/> each), then waits for every payment.</summary>
    public async Task<LoadResult> RunAsync(int kiosks, CancellationToken stopPlacing, int ordersPerKiosk = int.MaxValue, TimeSpan? thinkTime = null)
    {
        var result = new LoadResult();
        var payments = new ConcurrentBag<Task>();
        await Task.WhenAll(Enumerable.Range(0, kiosks).Select(async kiosk =>
        {
            for (var n = 0; n < ordersPerKiosk && !stopPlacing.IsCancellationRequested; n++)
            {
                var order = await PlaceAsync(MenuItems[(kiosk + n) % MenuItems.Length], result);
                if (order is null)
                {
                    continue;
                }
                result.Placed.Add(order);
                payments.Add(PayAsync(order, result));
                // A customer takes a moment between orders; it keeps the load steady rather than a flood.
                await Task.Delay(thinkTime ?? TimeSpan.FromMilliseconds(400));
            }
        }));
        await Task.WhenAll(payments);
        return result;
    }

    /// <summary>Pays an order at the counter; 503 + Retry-After (the order has not reached payments yet) is waited out.</summary>
    public async Task PayAsync(PlacedOrder order, LoadResult result)
    {
        var deadline = DateTime.UtcNow + Patience;
        var ambiguous = false;
        while (true)
        {
            var (response, retryAfter) = await SendAsync(() => _cashier.PostAsJsonAsync("/api/payments", new { orderId = order.OrderId, amountPaid = order.Total }), result);
            if (response?.StatusCode == HttpStatusCode.Created
                // An earlier attempt whose answer was lost may have gone through; the ledger checks there is one payment.
                || (ambiguous && response?.StatusCode == HttpStatusCode.Conflict))
            {
                result.Paid.Add(order.OrderId);
                return;
            }
            if (response is not null && !RetryAnswers.Contains(response.StatusCode))
            {
                result.Failures.Add($"Paying {order.OrderId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                return;
            }
            ambiguous |= response?.StatusCode != HttpStatusCode.ServiceUnavailable;
            if (DateTime.UtcNow > deadline)
            {
                result.Failures.Add($"Paying {order.OrderId} still failed after {Patience.TotalSeconds:0} s ({response?.StatusCode.ToString() ?? "no answer"}).");
                return;
            }
            await Task.Delay(retryAfter);
        }
    }

    private async Task<PlacedOrder?> PlaceAsync(int menuItemId, LoadResult result)
    {
        var deadline = DateTime.UtcNow + Patience;
        string? cartId = null;
        var added = false;
        while (DateTime.UtcNow < deadline)
        {
            if (cartId is null)
            {
                var (created, wait) = await SendAsync(() => _kiosk.Customer.PostAsync("/api/carts", null), result);
                if (!await ExpectAsync(created, HttpStatusCode.Created, "Creating a cart", result, wait))
                {
                    if (created is null || RetryAnswers.Contains(created.StatusCode)) continue;
                    return null;
                }
                cartId = (await created!.Content.ReadFromJsonAsync<JsonObject>())!["cartId"]!.GetValue<string>();
            }
            if (!added)
            {
                var (line, wait) = await SendAsync(() => _kiosk.AddItemAsync(cartId, new { menuItemId, quantity = 1 }), result);
                if (!await ExpectAsync(line, HttpStatusCode.OK, $"Adding item {menuItemId}", result, wait, HttpStatusCode.Created))
                {
                    if (line is null || RetryAnswers.Contains(line.StatusCode)) continue;
                    return null;
                }
                added = true;
            }
            // Checkout is safe to retry: the same cart always answers with the same order.
            var (checkout, retry) = await SendAsync(() => _kiosk.CheckoutAsync(cartId), result);
            if (!await ExpectAsync(checkout, HttpStatusCode.Accepted, $"Checking out cart {cartId}", result, retry))
            {
                if (checkout is null || RetryAnswers.Contains(checkout.StatusCode)) continue;
                return null;
            }
            var body = (await checkout!.Content.ReadFromJsonAsync<JsonObject>())!;
            return new PlacedOrder(Guid.Parse(body["orderId"]!.GetValue<string>()), body["total"]!.GetValue<decimal>());
        }
        result.Failures.Add($"A kiosk could not place an order within {Patience.TotalSeconds:0} s (cart {cartId ?? "not created"}).");
        return null;
    }

    /// <summary>True for the wanted answer; a retryable answer waits before the caller retries, anything else is a failure.</summary>
    private static async Task<bool> ExpectAsync(HttpResponseMessage? response, HttpStatusCode wanted, string what, LoadResult result,
        TimeSpan retryAfter, HttpStatusCode? alsoFine = null)
    {
        if (response is not null && (response.StatusCode == wanted || response.StatusCode == alsoFine))
        {
            return true;
        }
        if (response is not null && !RetryAnswers.Contains(response.StatusCode))
        {
            result.Failures.Add($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return false;
        }
        await Task.Delay(retryAfter);
        return false;
    }

    /// <summary>The answer (null when the request failed or timed out) and how long to wait before a retry.</summary>
    private static async Task<(HttpResponseMessage? Response, TimeSpan RetryAfter)> SendAsync(Func<Task<HttpResponseMessage>> send, LoadResult result)
    {
        try
        {
            var response = await send();
            if (RetryAnswers.Contains(response.StatusCode))
            {
                result.CountTransientAnswer();
            }
            var retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? TimeSpan.FromSeconds(Math.Min(delta.TotalSeconds, 5)) : TimeSpan.FromMilliseconds(500);
            return (response, retryAfter);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            result.CountTransientAnswer();
            return (null, TimeSpan.FromMilliseconds(500));
        }
    }
}
