using System.Net.ServerSentEvents;

namespace Kiosk.IntegrationTests.Live;

/// <summary>One server-sent event as a test reads it: type, id and JSON data.</summary>
public sealed record LiveItem(string Type, string? Id, JsonNode? Data)
{
    public string? Status => Data?["status"]?.GetValue<string>();
}

/// <summary>A live stream opened through the gateway, read event by event; pings and health notices are skipped.</summary>
public sealed class LiveStreamClient : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _events;

    private LiveStreamClient(HttpClient http, HttpResponseMessage response, IAsyncEnumerator<SseItem<string>> events)
    {
        _http = http;
        _response = response;
        _events = events;
    }

    public HttpResponseMessage Response => _response;

    public static async Task<LiveStreamClient> OpenAsync(Uri gateway, string path, string? lastEventId = null)
    {
        // No overall timeout: a stream is long-lived; every read below has its own.
        var http = new HttpClient { BaseAddress = gateway, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync();
        var events = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
        return new LiveStreamClient(http, response, events);
    }

    /// <summary>The next event that is not a ping; null when the server ended the stream.</summary>
    public async Task<LiveItem?> NextAsync(TimeSpan timeout, string waitingFor)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var next = Task.Run(async () =>
        {
            while (await _events.MoveNextAsync())
            {
                var item = _events.Current;
                // A health notice (the feed stopped or resumed) is about the connection, not the screen's state.
                if (item.EventType is not "ping" and not "health")
                {
                    return new LiveItem(item.EventType, item.EventId, item.Data.Length == 0 ? null : JsonNode.Parse(item.Data));
                }
            }
            return null;
        });
        var finished = await Task.WhenAny(next, Task.Delay(timeout));
        if (finished != next)
        {
            throw new TimeoutException($"No live event within {timeout.TotalSeconds:0} s while waiting for {waitingFor}.");
        }
        return await next;
    }

    /// <summary>Reads until an event satisfies <paramref name="match"/>, returning it and everything read before it.</summary>
    public async Task<(LiveItem Match, List<LiveItem> Before)> NextMatchingAsync(Func<LiveItem, bool> match, TimeSpan timeout, string waitingFor)
    {
        var deadline = DateTime.UtcNow + timeout;
        var before = new List<LiveItem>();
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var item = await NextAsync(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1), waitingFor)
                ?? throw new InvalidOperationException($"The server ended the stream while waiting for {waitingFor}.");
            if (match(item))
            {
                return (item, before);
            }
            before.Add(item);
        }
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
            // The connection is already gone.
        }
        _http.Dispose();
    }
}
