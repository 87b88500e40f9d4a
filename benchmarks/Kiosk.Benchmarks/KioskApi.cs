using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kiosk.Benchmarks;

/// <summary>The public HTTP API through the gateway, as a kiosk (customer) and a cashier (staff key) use it.</summary>
public sealed class KioskApi(Uri gateway, string staffKey) : IDisposable
{
    // How often a wait re-asks; it is the resolution of every "until visible / until PAID" number.
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
    {
        BaseAddress = gateway,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public Uri Gateway => gateway;

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

    /// <summary>Two menu items that are on sale, so carts can be filled without 409 "sold out".</summary>
    public async Task<int[]> PickTwoAvailableItemsAsync()
    {
        var categories = await _http.GetFromJsonAsync<JsonArray>("/api/menu/categories") ?? [];
        var picked = new List<int>();
        foreach (var code in categories.Select(c => c!["code"]!.GetValue<string>()))
        {
            var items = await _http.GetFromJsonAsync<JsonArray>($"/api/menu/categories/{code}/items") ?? [];
            picked.AddRange(items.Where(i => i!["available"]!.GetValue<bool>()).Select(i => i!["id"]!.GetValue<int>()));
            if (picked.Count >= 2)
            {
                return [.. picked.Take(2)];
            }
        }
        throw new InvalidOperationException("The menu has fewer than two available items.");
    }

    /// <summary>Creates a cart with the given items and returns its id, ready for checkout.</summary>
    public async Task<string> FilledCartAsync(params int[] menuItemIds)
    {
        using var created = await _http.PostAsync("/api/carts", null);
        await EnsureAsync(created, HttpStatusCode.Created, "POST cart");
        var cartId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["cartId"]!.GetValue<string>();
        foreach (var menuItemId in menuItemIds)
        {
            using var added = await _http.PostAsJsonAsync($"/api/carts/{cartId}/items", new { menuItemId, quantity = 1 });
            await EnsureAsync(added, HttpStatusCode.OK, "POST cart item");
        }
        return cartId;
    }

    public async Task<(string OrderId, decimal Total)> CheckoutAsync(string cartId)
    {
        using var response = await _http.PostAsJsonAsync($"/api/carts/{cartId}/checkout", new { diningOption = "DINE_IN" });
        await EnsureAsync(response, HttpStatusCode.Accepted, "POST checkout");
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["orderId"]!.GetValue<string>(), body["total"]!.GetValue<decimal>());
    }

    /// <summary>Polls GET /api/orders/{id} until it answers 200 (and, if given, shows the status).</summary>
    public async Task WaitForOrderAsync(string orderId, string? status = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using (var response = await _http.GetAsync($"/api/orders/{orderId}"))
            {
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    await EnsureAsync(response, HttpStatusCode.OK, "GET order");
                    if (status is null || (await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]?.GetValue<string>() == status)
                    {
                        return;
                    }
                }
            }
            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"order {orderId} was not {status ?? "visible"} after {Patience.TotalSeconds:0} s");
            }
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Pays the exact total; retries while payments has not heard of the order yet (503 + Retry-After).</summary>
    public async Task PayAsync(string orderId, decimal amountPaid)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments") { Content = JsonContent.Create(new { orderId, amountPaid }) };
            request.Headers.Add("X-Api-Key", staffKey);
            using var response = await _http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                await EnsureAsync(response, HttpStatusCode.Created, "POST payment");
                return;
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

    public void Dispose() => _http.Dispose();
}
