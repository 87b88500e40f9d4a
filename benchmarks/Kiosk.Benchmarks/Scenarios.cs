using System.Collections.Concurrent;
using System.Diagnostics;

namespace Kiosk.Benchmarks;

/// <summary>The peer's scenario and the menu reads, against Kiosk through its gateway exactly as kiosks and cashiers call it.</summary>
/// <param name="readCpu">CPU seconds used so far by each process of the system and the load generator, when known.</param>
public sealed class Scenarios(KioskApi api, Options options, Func<IReadOnlyDictionary<string, double>>? readCpu = null)
{
    // The default warm-up (40 orders) is enough that every request path is called more than the runtime's 30 calls
    // before it recompiles a method optimized: with 5, the measured one-kiosk run still ran largely on unoptimized
    // (tier-0) code, 3-4x slower per request than the same requests a minute later.
    private const int WarmUpKiosks = 4;
    private IReadOnlyList<int> _items = [];

    public async Task<List<OrderRun>> OrderRunsAsync()
    {
        _items = await api.AvailableItemsAsync();
        // The first orders pay for JIT, connection pools and consumer start-up; they are not what is measured.
        Report.Progress($"kiosk: warm-up, {options.WarmUpOrders} orders");
        await OrdersAsync(kiosks: WarmUpKiosks, count: options.WarmUpOrders);
        var runs = new List<OrderRun>();
        foreach (var kiosks in options.KioskCounts)
        {
            var count = options.OrdersAt(kiosks);
            Report.Progress($"kiosk: {count} orders on {kiosks} kiosk(s)");
            // The hop profile follows the first run (one kiosk by default): the whole order without queueing.
            var profiled = runs.Count == 0;
            api.Timings.Recording = profiled;
            var from = DateTimeOffset.UtcNow;
            var cpuBefore = readCpu?.Invoke();
            var requestsBefore = api.Requests;
            var run = await OrdersAsync(kiosks, count);
            runs.Add(run with
            {
                CpuSeconds = cpuBefore is null ? null : ProcessCpu.Used(cpuBefore, readCpu!()),
                Requests = api.Requests - requestsBefore,
            });
            api.Timings.Recording = false;
            if (profiled)
            {
                ProfiledRun = (from, DateTimeOffset.UtcNow);
            }
        }
        return runs;
    }

    /// <summary>When the profiled run (the first) began and ended.</summary>
    public (DateTimeOffset From, DateTimeOffset To)? ProfiledRun { get; private set; }

    /// <summary>Each order of the profiled run, as the kiosk saw it.</summary>
    public ConcurrentBag<OrderTrace> ProfiledOrders { get; } = [];

    /// <summary>
    /// The one-kiosk scenario, order by order alternately through the gateway and with the cart's and the payment's
    /// requests sent straight to those services (the waits still go through the gateway), so both sides of each
    /// comparison see the same moment's load and the gateway's share of each request shows. Run last: its orders are
    /// not counted.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, Percentiles> Gateway, IReadOnlyDictionary<string, Percentiles> Direct)> DirectRequestsAsync(
        Uri cartService, Uri paymentsService, int count)
    {
        using var gateway = new KioskApi(api.Gateway, options.StaffKey, api.PreferWait);
        using var carts = new KioskApi(cartService, options.StaffKey, api.PreferWait);
        using var payments = new KioskApi(paymentsService, options.StaffKey, api.PreferWait);
        gateway.Timings.Recording = carts.Timings.Recording = payments.Timings.Recording = true;
        Report.Progress($"kiosk: {count} orders alternately through the gateway and with the cart and payment requests straight to the services");
        for (var i = 0; i < 2 * count; i++)
        {
            await (i % 2 == 0 ? OrdersAsync(kiosks: 1, 1, gateway, gateway) : OrdersAsync(kiosks: 1, 1, carts, payments));
        }
        return (gateway.Timings.Summary(), carts.Timings.Summary()
            .Concat(payments.Timings.Summary().Where(p => p.Key == "POST payment"))
            .ToDictionary(p => p.Key, p => p.Value));
    }

    /// <summary>The three lines a kiosk orders: three different items, 1–3 of each, varied by kiosk and order (as the peer's bench).</summary>
    public static Line[] Basket(IReadOnlyList<int> items, int order, int kiosk) =>
        [.. Enumerable.Range(0, 3).Select(j => new Line(items[(order * 7 + kiosk * 11 + j * 3) % items.Count], 1 + ((kiosk + j) % 3)))];

    private async Task<OrderRun> OrdersAsync(int kiosks, int count, KioskApi? carts = null, KioskApi? payments = null)
    {
        carts ??= api;
        payments ??= api;
        var whole = new ConcurrentBag<double>();
        var visible = new ConcurrentBag<double>();
        var createdAfterAnswer = new ConcurrentBag<double>();
        var payment = new ConcurrentBag<double>();
        var paid = new ConcurrentBag<double>();
        var checkedOut = new ConcurrentBag<string>();
        int completed = 0, wrong = 0, lost = 0, notReady = 0, firstGet = 0;
        var started = DateTimeOffset.UtcNow;
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(count, kiosks)).Select(async kiosk =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var basket = Basket(_items, index, kiosk);
                try
                {
                    var order = Stopwatch.StartNew();
                    var cartId = await carts.FilledCartAsync(basket);
                    var checkout = Stopwatch.StartNew();
                    var (orderId, total) = await carts.CheckoutAsync(cartId);
                    var checkoutMs = checkout.Elapsed.TotalMilliseconds;
                    var answered = DateTimeOffset.UtcNow;
                    checkedOut.Add(orderId);
                    var (created, gets) = await api.WaitForOrderCountingAsync(orderId);
                    visible.Add(checkout.Elapsed.TotalMilliseconds);
                    if (api.Timings.Recording)
                    {
                        ProfiledOrders.Add(new OrderTrace(Guid.Parse(orderId), checkoutMs, answered,
                            created["createdAt"]!.GetValue<DateTimeOffset>(), checkout.Elapsed.TotalMilliseconds));
                    }
                    // The order service stamps createdAt as it handles CART_CHECKOUT (its commit follows): the same clock.
                    createdAfterAnswer.Add((created["createdAt"]!.GetValue<DateTimeOffset>() - answered).TotalMilliseconds);
                    if (gets == 1)
                    {
                        Interlocked.Increment(ref firstGet);
                    }
                    var pay = Stopwatch.StartNew();
                    var (accepted, refused) = await payments.PayAsync(orderId, total);
                    payment.Add(accepted.TotalMilliseconds);
                    Interlocked.Add(ref notReady, refused);
                    var final = await api.WaitForOrderAsync(orderId, "PAID");
                    paid.Add(pay.Elapsed.TotalMilliseconds);
                    whole.Add(order.Elapsed.TotalMilliseconds);
                    Interlocked.Increment(ref completed);
                    if (!KioskApi.LinesOf(final).SequenceEqual(basket.OrderBy(l => l.MenuItemId)))
                    {
                        Interlocked.Increment(ref wrong);
                        Console.Error.WriteLine($"  order {orderId} of kiosk {kiosk} does not hold exactly its basket");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException or InvalidOperationException)
                {
                    Interlocked.Increment(ref lost);
                    Console.Error.WriteLine($"  kiosk {kiosk} order #{index}: {ex.Message}");
                }
            }
        }));
        var wallSeconds = wall.Elapsed.TotalSeconds;

        // Doubled: an open order created in this run that no checkout of this run answered with (or one answered twice).
        var ours = checkedOut.ToHashSet();
        var open = await api.OpenOrderIdsSinceAsync(started);
        var doubled = open.Count(id => !ours.Contains(id)) + (checkedOut.Count - ours.Count);
        return new OrderRun(kiosks, count, completed, completed - wrong, wrong, lost, doubled, wallSeconds,
            Percentiles.Of(whole), Percentiles.Of(visible), Percentiles.Of(payment), Percentiles.Of(paid), notReady)
        {
            VisibleAtFirstGet = visible.IsEmpty ? null : (double)firstGet / visible.Count,
            CreatedAfterCheckoutAnswered = Percentiles.Of(createdAfterAnswer),
        };
    }

    /// <summary>
    /// The gateway's own cost per request, without queueing: one GET at a time, alternately through the gateway and
    /// straight to the service, so both see the same moment's load; the difference of each pair is what the hop adds.
    /// With <paramref name="staffKey"/> every request carries it, so the gateway forwards each one instead of answering
    /// from its menu cache, which never holds staff reads.
    /// </summary>
    public static async Task<GatewayHop> GatewayHopAsync(Uri gateway, Uri service, string path, int pairs, string? staffKey = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        if (staffKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", staffKey);
        }
        var through = new Uri(gateway, path);
        var direct = new Uri(service, path);
        for (var i = 0; i < 50; i++)
        {
            await TimedGetAsync(http, through);
            await TimedGetAsync(http, direct);
        }
        var gatewayMs = new List<double>(pairs);
        var directMs = new List<double>(pairs);
        var added = new List<double>(pairs);
        for (var i = 0; i < pairs; i++)
        {
            // Alternate which goes first, so neither always follows the other's wake-up.
            double g, d;
            if (i % 2 == 0)
            {
                g = await TimedGetAsync(http, through);
                d = await TimedGetAsync(http, direct);
            }
            else
            {
                d = await TimedGetAsync(http, direct);
                g = await TimedGetAsync(http, through);
            }
            gatewayMs.Add(g);
            directMs.Add(d);
            added.Add(g - d);
        }
        return new GatewayHop(Percentiles.Of(gatewayMs), Percentiles.Of(directMs), Percentiles.Of(added));
    }

    private static async Task<double> TimedGetAsync(HttpClient http, Uri url)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(url);
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>GETs <paramref name="path"/> <see cref="Options.MenuRequests"/> times on <see cref="Options.MenuConcurrency"/> workers.</summary>
    public static async Task<MenuRun> MenuReadsAsync(string target, Uri baseUrl, string path, Options options)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256 };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        // Warm-up: JIT, connection pools and query caches of the first requests are not what is measured.
        await Task.WhenAll(Enumerable.Range(0, options.MenuConcurrency).Select(async _ =>
        {
            for (var i = 0; i < 20; i++)
            {
                using var response = await http.GetAsync(path);
                response.EnsureSuccessStatusCode();
            }
        }));

        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.MenuConcurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < options.MenuRequests)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync(path);
                    // The body is read: a kiosk needs the menu, not just the status line.
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return new MenuRun(target, options.MenuConcurrency, options.MenuRequests, errors, wall.Elapsed.TotalSeconds, Percentiles.Of(latencies));
    }
}
