using System.Diagnostics;

namespace Kiosk.Benchmarks;

/// <summary>The measured scenarios, each through the gateway exactly as kiosks and cashiers call it.</summary>
public sealed class Scenarios(KioskApi api, Options options)
{
    private const int WarmUpOrders = 3;
    private int[] _items = [];

    public async Task<List<Result>> RunAllAsync()
    {
        _items = await api.PickTwoAvailableItemsAsync();
        var results = new List<Result>();
        Report.Progress($"menu reads: {options.MenuRequests} requests, {options.MenuConcurrency} concurrent");
        results.Add(await MenuReadsAsync());
        // The first orders pay for JIT, connection pools and consumer start-up; shown, but kept out of the steady numbers.
        Report.Progress($"warm-up: {WarmUpOrders} end-to-end orders");
        results.Add(await EndToEndAsync($"warm-up: first {WarmUpOrders} end-to-end orders", WarmUpOrders, 1));
        Report.Progress($"checkout -> order visible: {options.Orders} sequential, then {options.Orders} with {options.CheckoutConcurrency} concurrent");
        results.Add(await CheckoutToVisibleAsync("checkout -> order visible (sequential)", 1));
        results.Add(await CheckoutToVisibleAsync($"checkout -> order visible ({options.CheckoutConcurrency} concurrent)", options.CheckoutConcurrency));
        Report.Progress($"payment -> order PAID: {options.Payments} orders");
        results.Add(await PaymentToPaidAsync());
        Report.Progress($"end-to-end: {options.Orders} orders on {options.Kiosks} kiosks");
        results.Add(await EndToEndAsync($"end-to-end order ({options.Kiosks} kiosks)", options.Orders, options.Kiosks));
        return results;
    }

    private async Task<Result> MenuReadsAsync()
    {
        // Warm-up: JIT, connection pools and EF query caches of the first requests are not what is measured.
        for (var i = 0; i < 20; i++)
        {
            await api.GetCategoriesAsync();
        }
        var menu = new Measurement($"GET /api/menu/categories ({options.MenuConcurrency} concurrent)");
        await menu.RunAsync(options.MenuRequests, options.MenuConcurrency, async _ =>
        {
            var watch = Stopwatch.StartNew();
            await api.GetCategoriesAsync();
            menu.Add(watch.Elapsed);
        });
        return menu.ToResult(withThroughput: true);
    }

    /// <summary>From the 202 of checkout until GET /api/orders/{id} first answers 200 (one Kafka hop: CART_CHECKOUT).</summary>
    private async Task<Result> CheckoutToVisibleAsync(string name, int concurrency)
    {
        var visible = new Measurement(name);
        await visible.RunAsync(options.Orders, concurrency, async _ =>
        {
            var cartId = await api.FilledCartAsync(_items[0]);
            var (orderId, _) = await api.CheckoutAsync(cartId);
            var watch = Stopwatch.StartNew();
            await api.WaitForOrderAsync(orderId);
            visible.Add(watch.Elapsed);
        });
        return visible.ToResult(withThroughput: concurrency > 1);
    }

    /// <summary>From the 201 of POST /api/payments until the order shows PAID (one Kafka hop: PAYMENT_CONFIRMED).</summary>
    private async Task<Result> PaymentToPaidAsync()
    {
        var paid = new Measurement("payment -> order PAID (sequential)");
        await paid.RunAsync(options.Payments, 1, async _ =>
        {
            var (orderId, total) = await api.CheckoutAsync(await api.FilledCartAsync(_items[0]));
            await api.WaitForOrderAsync(orderId);
            await api.PayAsync(orderId, total);
            var watch = Stopwatch.StartNew();
            await api.WaitForOrderAsync(orderId, "PAID");
            paid.Add(watch.Elapsed);
        });
        return paid.ToResult(withThroughput: false);
    }

    /// <summary>A whole order per iteration: new cart, two items, checkout, visible, pay, PAID.</summary>
    private async Task<Result> EndToEndAsync(string name, int count, int kiosks)
    {
        var flow = new Measurement(name);
        await flow.RunAsync(count, kiosks, async _ =>
        {
            var watch = Stopwatch.StartNew();
            var (orderId, total) = await api.CheckoutAsync(await api.FilledCartAsync(_items));
            await api.WaitForOrderAsync(orderId);
            await api.PayAsync(orderId, total);
            await api.WaitForOrderAsync(orderId, "PAID");
            flow.Add(watch.Elapsed);
        });
        return flow.ToResult(withThroughput: kiosks > 1, perMinute: true);
    }
}
