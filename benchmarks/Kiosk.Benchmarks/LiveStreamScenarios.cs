using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;

namespace Kiosk.Benchmarks;

/// <summary>
/// The live streams (server-sent events through the gateway): how long after the change a connected screen hears of it,
/// and what an idle confirmation screen costs in requests with polling and with a stream.
/// </summary>
public sealed class LiveStreamScenarios(KioskApi api, Options options)
{
    // The item switched sold out and back: a dessert the other scenarios do not order.
    private const int SwitchedItem = 805;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public async Task<List<Result>> RunAllAsync()
    {
        var item = (await api.PickTwoAvailableItemsAsync())[0];
        var results = new List<Result>();
        Report.Progress($"payment -> confirmation stream delivers PAID: {options.Payments} orders");
        results.Add(await PaymentToStreamAsync(item));
        Report.Progress($"sold out -> menu stream delivers it: {options.Payments} switches");
        results.Add(await SoldOutToStreamAsync());
        results.Add(await IdleConfirmationRequestsAsync(item));
        return results;
    }

    /// <summary>From the 201 of POST /api/payments until /live/orders/{id} delivers the PAID event.</summary>
    private async Task<Result> PaymentToStreamAsync(int item)
    {
        var delivered = new Measurement("payment -> confirmation stream delivers PAID");
        await delivered.RunAsync(options.Payments, 1, async _ =>
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
            delivered.Add(watch.Elapsed);
        });
        return delivered.ToResult(withThroughput: false);
    }

    /// <summary>From the 200 of PUT /api/menu/items/{id}/availability until /live/menu delivers the switch.</summary>
    private async Task<Result> SoldOutToStreamAsync()
    {
        var delivered = new Measurement("availability switched -> menu stream delivers it");
        using var staff = new HttpClient { BaseAddress = api.Gateway, Timeout = Patience };
        staff.DefaultRequestHeaders.Add("X-Api-Key", options.StaffKey);
        await using var stream = await LiveStream.OpenAsync(api.Gateway, "/live/menu");
        await stream.NextAsync("snapshot");
        try
        {
            await delivered.RunAsync(options.Payments, 1, async index =>
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
                delivered.Add(watch.Elapsed);
            });
        }
        finally
        {
            using var restore = await staff.PutAsJsonAsync($"/api/menu/items/{SwitchedItem}/availability", new { available = true });
        }
        return delivered.ToResult(withThroughput: false);
    }

    /// <summary>
    /// Requests an idle confirmation screen makes in a minute: polling asks every 1.5 s (the page's interval), 40 in all; a
    /// stream is one request per Kiosk:Web:LiveStreamSeconds (the server ends it, the browser resumes), counted here on a
    /// real stream held for <see cref="IdleWatch"/>.
    /// </summary>
    private async Task<Result> IdleConfirmationRequestsAsync(int item)
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
        return new Result($"idle confirmation screen: requests in {IdleWatch.TotalSeconds:0} s on a stream (polling: 40)", requests, 0, 0, 0, 0, 0, null, null);
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
