using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;

namespace Kiosk.Benchmarks;

/// <summary>
/// The live streams (server-sent events through the gateway): how long after the change a connected screen hears of it,
/// what an idle confirmation screen costs in requests with polling and with a stream, and what 200 open streams cost the
/// web process (<see cref="ManyStreamsScenario"/>).
/// </summary>
public sealed class LiveStreamScenarios(KioskApi api, Options options, Func<int?> webPid)
{
    // The item switched sold out and back: a dessert the other scenarios do not order.
    private const int SwitchedItem = 805;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private int Samples => Math.Max(10, options.Orders / 5);

    /// <summary>The streams' figures, one printed line each.</summary>
    public async Task<List<string>> RunAllAsync()
    {
        var item = (await api.AvailableItemsAsync())[0];
        var results = new List<string>();
        Report.Progress($"kiosk: payment -> confirmation stream delivers PAID, {Samples} orders");
        results.Add(Line("payment accepted -> confirmation stream delivers PAID", await PaymentToStreamAsync(item)));
        Report.Progress($"kiosk: sold out -> menu stream delivers it, {Samples} switches");
        results.Add(Line("sold out switched -> menu stream delivers it", await SoldOutToStreamAsync()));
        results.Add(await IdleConfirmationRequestsAsync(item));
        results.AddRange(await new ManyStreamsScenario(api, options, webPid).RunAsync(item));
        return results;
    }

    private static string Line(string name, List<double> milliseconds)
    {
        var p = Percentiles.Of(milliseconds);
        return $"{name}: p50 {p.P50:0.0} ms, p99 {p.P99:0.0} ms, max {p.Max:0.0} ms ({p.Count} samples)";
    }

    /// <summary>From the 201 of POST /api/payments until /live/orders/{id} delivers the PAID event.</summary>
    private async Task<List<double>> PaymentToStreamAsync(int item)
    {
        var delivered = new List<double>();
        for (var i = 0; i < Samples; i++)
        {
            var (orderId, total) = await api.CheckoutAsync(await api.FilledCartAsync(item));
            await api.WaitForOrderAsync(orderId);
            await using var stream = await LiveStream.OpenAsync(api.Gateway, $"/live/orders/{orderId}");
            await stream.NextAsync("snapshot");
            await api.PayAsync(orderId, total);
            var watch = Stopwatch.StartNew();
            while ((await stream.NextAsync("order"))?["status"]?.GetValue<string>() != "PAID")
            {
            }
            delivered.Add(watch.Elapsed.TotalMilliseconds);
        }
        return delivered;
    }

    /// <summary>From the 200 of PUT /api/menu/items/{id}/availability until /live/menu delivers the switch.</summary>
    private async Task<List<double>> SoldOutToStreamAsync()
    {
        var delivered = new List<double>();
        using var staff = new HttpClient { BaseAddress = api.Gateway, Timeout = Patience };
        staff.DefaultRequestHeaders.Add("X-Api-Key", options.StaffKey);
        await using var stream = await LiveStream.OpenAsync(api.Gateway, "/live/menu");
        await stream.NextAsync("snapshot");
        try
        {
            for (var index = 0; index < Samples; index++)
            {
                var available = index % 2 == 1;
                using var response = await staff.PutAsJsonAsync($"/api/menu/items/{SwitchedItem}/availability", new { available });
                response.EnsureSuccessStatusCode();
                var watch = Stopwatch.StartNew();
                JsonNode? data;
                do
                {
                    data = await stream.NextAsync("availability");
                }
                while (data?["menuItemId"]?.GetValue<int>() != SwitchedItem || data["available"]?.GetValue<bool>() != available);
                delivered.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        finally
        {
            using var restore = await staff.PutAsJsonAsync($"/api/menu/items/{SwitchedItem}/availability", new { available = true });
        }
        return delivered;
    }

    /// <summary>
    /// Requests an idle confirmation screen makes in a minute: polling asks every 1.5 s (the page's interval), 40 in all; a
    /// stream is one request per Kiosk:Web:LiveStreamSeconds (the server ends it, the browser resumes), counted here on a
    /// real stream held for <see cref="IdleWatch"/>.
    /// </summary>
    private async Task<string> IdleConfirmationRequestsAsync(int item)
    {
        var (orderId, _) = await api.CheckoutAsync(await api.FilledCartAsync(item));
        await api.WaitForOrderAsync(orderId);
        var requests = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < IdleWatch)
        {
            requests++;
            await using var stream = await LiveStream.OpenAsync(api.Gateway, $"/live/orders/{orderId}");
            // Reads pings until the server ends the stream, or the watch is over.
            while (watch.Elapsed < IdleWatch && await stream.NextOrEndAsync(IdleWatch - watch.Elapsed))
            {
            }
        }
        Report.Progress($"idle confirmation screen for {IdleWatch.TotalSeconds:0} s: polling makes 40 requests (one every 1.5 s); the stream made {requests}");
        return $"idle confirmation screen, requests in {IdleWatch.TotalSeconds:0} s: {requests} on a stream, 40 polling";
    }

    private static readonly TimeSpan IdleWatch = TimeSpan.FromSeconds(60);

    /// <summary>One SSE connection through the gateway; events are read in order, pings skipped.</summary>
    private sealed class LiveStream : IAsyncDisposable
    {
        // One client for every stream: a stream is one long response, and the client's pool holds its connection.
        private static readonly HttpClient Http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512 })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

        private readonly HttpResponseMessage _response;
        private readonly IAsyncEnumerator<SseItem<string>> _events;

        private LiveStream(HttpResponseMessage response, IAsyncEnumerator<SseItem<string>> events) =>
            (_response, _events) = (response, events);

        public static async Task<LiveStream> OpenAsync(Uri gateway, string path)
        {
            var response = await Http.GetAsync(new Uri(gateway, path), HttpCompletionOption.ResponseHeadersRead);
            try
            {
                response.EnsureSuccessStatusCode();
                var events = SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync().GetAsyncEnumerator();
                return new LiveStream(response, events);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        /// <summary>The data of the next event of <paramref name="type"/>.</summary>
        public async Task<JsonNode?> NextAsync(string type)
        {
            using var timeout = new CancellationTokenSource(Patience);
            var next = Task.Run(async () =>
            {
                while (await _events.MoveNextAsync())
                {
                    if (_events.Current.EventType == type)
                    {
                        return JsonNode.Parse(_events.Current.Data);
                    }
                }
                throw new InvalidOperationException($"the stream ended before a '{type}' event");
            });
            if (await Task.WhenAny(next, Task.Delay(Patience)) != next)
            {
                throw new TimeoutException($"no '{type}' event within {Patience.TotalSeconds:0} s");
            }
            return await next;
        }

        /// <summary>True when an event (a ping included) arrived within <paramref name="wait"/>; false when the stream ended or the wait ran out.</summary>
        public async Task<bool> NextOrEndAsync(TimeSpan wait)
        {
            var next = _events.MoveNextAsync().AsTask();
            return await Task.WhenAny(next, Task.Delay(wait)) == next && await next;
        }

        public async ValueTask DisposeAsync()
        {
            _response.Dispose();
            try
            {
                await _events.DisposeAsync();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or HttpRequestException or NotSupportedException)
            {
                // The connection is already gone, or a read is still pending on it (the parser then refuses to dispose).
            }
        }
    }
}
