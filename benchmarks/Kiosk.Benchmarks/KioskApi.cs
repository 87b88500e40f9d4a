using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kiosk.Benchmarks;

/// <summary>The public HTTP API through the gateway, as a kiosk (customer) and a cashier (staff key) use it.</summary>
public sealed class KioskApi : IDisposable
{
    /// <summary>Response time of every request of the scenario, by kind, while <see cref="RequestTimings.Recording"/>.</summary>
    public RequestTimings Timings { get; } = new();

    // How often a wait re-asks; it is the resolution of every "until visible / until PAID" number.
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    /// <summary>The wait a GET of the order prefers when <see cref="PreferWait"/> is on (FLOW.md, "Wait for the order to appear").</summary>
    public const int PreferredWaitSeconds = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly CountingHandler _counter = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 });
    private readonly HttpClient _http;
    private readonly string _staffKey;

    public KioskApi(Uri gateway, string staffKey, bool preferWait)
    {
        _http = new HttpClient(_counter, disposeHandler: false) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        _staffKey = staffKey;
        PreferWait = preferWait;
    }

    /// <summary>
    /// Whether the waits for an order ask as FLOW.md tells a kiosk to: <c>Prefer: wait</c>, and <c>If-None-Match</c> with
    /// the last answer's ETag, so the order service answers when the order appears or changes. A server that does not
    /// honour it (no <c>Preference-Applied</c>) is polled every <see cref="PollInterval"/>, as without it.
    /// </summary>
    public bool PreferWait { get; }

    public Uri Gateway => _http.BaseAddress!;

    /// <summary>Every HTTP request sent so far, polls and retries included.</summary>
    public long Requests => _counter.Sent;

    /// <summary>True when the gateway serves the menu; checked once before any measuring starts.</summary>
    public async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await _http.GetAsync("/api/menu/categories");
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async Task GetCategoriesAsync()
    {
        using var response = await _http.GetAsync("/api/menu/categories");
        await EnsureAsync(response, HttpStatusCode.OK, "GET categories");
    }

    /// <summary>Every menu item that is on sale, so carts can be filled without 409 "sold out".</summary>
    public async Task<IReadOnlyList<int>> AvailableItemsAsync()
    {
        var categories = await _http.GetFromJsonAsync<JsonArray>("/api/menu/categories") ?? [];
        var picked = new List<int>();
        foreach (var code in categories.Select(c => c!["code"]!.GetValue<string>()))
        {
            var items = await _http.GetFromJsonAsync<JsonArray>($"/api/menu/categories/{code}/items") ?? [];
            picked.AddRange(items.Where(i => i!["available"]!.GetValue<bool>()).Select(i => i!["id"]!.GetValue<int>()));
        }
        return picked.Count >= 3 ? picked : throw new InvalidOperationException("The menu has fewer than three available items.");
    }

    /// <summary>Creates a cart with the given items and returns its id, ready for checkout.</summary>
    public Task<string> FilledCartAsync(params int[] menuItemIds) => FilledCartAsync(menuItemIds.Select(id => new Line(id, 1)).ToArray());

    /// <summary>Creates a cart with the given lines and returns its id, ready for checkout.</summary>
    public async Task<string> FilledCartAsync(IReadOnlyList<Line> lines)
    {
        var watch = Stopwatch.StartNew();
        using var created = await _http.PostAsync("/api/carts", null);
        Timings.Record("POST cart", watch.Elapsed);
        await EnsureAsync(created, HttpStatusCode.Created, "POST cart");
        var cartId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["cartId"]!.GetValue<string>();
        foreach (var line in lines)
        {
            watch.Restart();
            using var added = await _http.PostAsJsonAsync($"/api/carts/{cartId}/items", new { menuItemId = line.MenuItemId, quantity = line.Quantity });
            Timings.Record("POST cart item", watch.Elapsed);
            await EnsureAsync(added, HttpStatusCode.OK, "POST cart item");
        }
        return cartId;
    }

    /// <summary>The ids of the open (PENDING or PAID) orders that reached their status at or after <paramref name="since"/>.</summary>
    public async Task<List<string>> OpenOrderIdsSinceAsync(DateTimeOffset since)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders?since={Uri.EscapeDataString(since.ToString("O"))}");
        request.Headers.Add("X-Api-Key", _staffKey);
        using var response = await _http.SendAsync(request);
        await EnsureAsync(response, HttpStatusCode.OK, "GET orders");
        var orders = await response.Content.ReadFromJsonAsync<JsonArray>() ?? [];
        return [.. orders.Select(o => o!["orderId"]!.GetValue<string>())];
    }

    public async Task<(string OrderId, decimal Total)> CheckoutAsync(string cartId)
    {
        var watch = Stopwatch.StartNew();
        using var response = await _http.PostAsJsonAsync($"/api/carts/{cartId}/checkout", new { diningOption = "DINE_IN" });
        Timings.Record("POST checkout", watch.Elapsed);
        await EnsureAsync(response, HttpStatusCode.Accepted, "POST checkout");
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["orderId"]!.GetValue<string>(), body["total"]!.GetValue<decimal>());
    }

    /// <summary>Polls GET /api/orders/{id} until it answers 200 (and, if given, shows the status); returns the order.</summary>
    public async Task<JsonObject> WaitForOrderAsync(string orderId, string? status = null) =>
        (await WaitForOrderCountingAsync(orderId, status)).Order;

    /// <summary>As <see cref="WaitForOrderAsync"/>, with how many GETs it took (1: the order was there at the first).</summary>
    public async Task<(JsonObject Order, int Gets)> WaitForOrderCountingAsync(string orderId, string? status = null)
    {
        var waited = Stopwatch.StartNew();
        EntityTagHeaderValue? seen = null;
        for (var gets = 1; ; gets++)
        {
            var sent = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{orderId}");
            if (PreferWait)
            {
                request.Headers.Add("Prefer", $"wait={PreferredWaitSeconds}");
                if (seen is not null)
                {
                    request.Headers.IfNoneMatch.Add(seen);
                }
            }
            bool honoured;
            using (var response = await _http.SendAsync(request))
            {
                Timings.Record(PreferWait ? "GET order, preferring to wait" : "GET order", sent.Elapsed);
                honoured = response.Headers.Contains("Preference-Applied");
                if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.NotModified))
                {
                    await EnsureAsync(response, HttpStatusCode.OK, "GET order");
                    var order = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                    if (status is null || order["status"]?.GetValue<string>() == status)
                    {
                        return (order, gets);
                    }
                    seen = response.Headers.ETag;
                }
            }
            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"order {orderId} was not {status ?? "visible"} after {Patience.TotalSeconds:0} s");
            }
            // A GET the server held has waited already: ask again at once.
            if (!honoured)
            {
                await Task.Delay(PollInterval);
            }
        }
    }

    /// <summary>The order's lines, merged per menu item and sorted, to compare with what a kiosk put in its cart.</summary>
    public static Line[] LinesOf(JsonObject order) =>
    [
        .. order["items"]!.AsArray()
            .GroupBy(i => i!["menuItemId"]!.GetValue<int>(), i => i!["quantity"]!.GetValue<int>())
            .Select(g => new Line(g.Key, g.Sum()))
            .OrderBy(l => l.MenuItemId),
    ];

    /// <summary>Pays the exact total; retries while payments has not heard of the order yet (503 + Retry-After).</summary>
    /// <returns>The response time of the accepted request, and how many 503 answers came before it.</returns>
    public async Task<(TimeSpan Accepted, int NotReady)> PayAsync(string orderId, decimal amountPaid)
    {
        var waited = Stopwatch.StartNew();
        for (var notReady = 0; ; notReady++)
        {
            var sent = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments") { Content = JsonContent.Create(new { orderId, amountPaid }) };
            request.Headers.Add("X-Api-Key", _staffKey);
            using var response = await _http.SendAsync(request);
            Timings.Record("POST payment", sent.Elapsed);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                await EnsureAsync(response, HttpStatusCode.Created, "POST payment");
                return (sent.Elapsed, notReady);
            }
            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"payments did not know order {orderId} after {Patience.TotalSeconds:0} s");
            }
            // Shorter than Retry-After (1 s) on purpose: the wait is part of what is being measured.
            await Task.Delay(PollInterval);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}, expected {(int)expected}: {body[..Math.Min(body.Length, 300)]}");
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _counter.Dispose();
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private long _sent;

        public long Sent => Interlocked.Read(ref _sent);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sent);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>One cart or order line: a menu item and how many.</summary>
public sealed record Line(int MenuItemId, int Quantity);
