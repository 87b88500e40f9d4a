using System.Collections.Concurrent;
using System.Net;
using System.Net.ServerSentEvents;

namespace Kiosk.IntegrationTests.Live;

/// <summary>
/// A live stream followed as a browser's EventSource follows it: read in the background, and when the server ends it or
/// the connection drops, opened again after a second with the Last-Event-ID of the last event seen. Records every event
/// (pings only counted), how often it was opened and how many of those openings began with a snapshot.
/// </summary>
public sealed class ResumingLiveStream : IAsyncDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    private readonly HttpClient _http;
    private readonly string _path;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<LiveItem> _items = new();
    private readonly ConcurrentQueue<string> _dropped = new();
    private readonly Task _reading;
    private readonly TaskCompletionSource _firstSnapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _opens;
    private int _snapshots;
    private int _pings;

    private ResumingLiveStream(HttpClient http, string path)
    {
        _http = http;
        _path = path;
        _reading = Task.Run(ReadAsync);
    }

    public string Path => _path;

    /// <summary>Every event but pings, in the order they came, across reconnections.</summary>
    public IReadOnlyList<LiveItem> Items => [.. _items];

    public int Opens => _opens;

    public int Snapshots => _snapshots;

    public int Pings => _pings;

    /// <summary>Why each earlier connection ended, when it did not end cleanly.</summary>
    public IReadOnlyList<string> Dropped => [.. _dropped];

    public string? LastEventId { get; private set; }

    /// <summary>
    /// Whether the page would rely on the stream now (as live.js decides): true on every opening, then whatever the
    /// last <c>health</c> event said (the server sends <c>{live: false}</c> at once to a stream opened while it is not).
    /// </summary>
    public bool Flowing { get; private set; }

    /// <summary>Opens a stream through <paramref name="gateway"/>; <paramref name="cookies"/> carry a crew sign-in for staff streams (<see cref="CrewSignIn.CookiesForAsync"/>).</summary>
    public static ResumingLiveStream Open(Uri gateway, string path, CookieContainer? cookies = null)
    {
        // No overall timeout: a stream is long-lived; the test bounds every wait on it.
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = gateway,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return new ResumingLiveStream(http, path);
    }

    /// <summary>Waits (bounded) for the first snapshot, so changes made afterwards are surely events to this stream.</summary>
    public async Task WaitForSnapshotAsync(TimeSpan timeout)
    {
        if (await Task.WhenAny(_firstSnapshot.Task, Task.Delay(timeout)) != _firstSnapshot.Task)
        {
            throw new TimeoutException($"{_path}: no snapshot within {timeout.TotalSeconds:0} s ({string.Join("; ", Dropped)}).");
        }
    }

    private async Task ReadAsync()
    {
        var ct = _stop.Token;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, _path);
                request.Headers.Accept.ParseAdd("text/event-stream");
                if (LastEventId is not null)
                {
                    request.Headers.Add("Last-Event-ID", LastEventId);
                }
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                response.EnsureSuccessStatusCode();
                Interlocked.Increment(ref _opens);
                Flowing = true;
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                await foreach (var item in SseParser.Create(body).EnumerateAsync(ct))
                {
                    Record(item);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
            {
                _dropped.Enqueue(ex.Message);
            }
            try
            {
                await Task.Delay(Retry, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Record(SseItem<string> item)
    {
        if (item.EventType == "ping")
        {
            Interlocked.Increment(ref _pings);
            return;
        }
        if (item.EventType == "health")
        {
            Flowing = JsonNode.Parse(item.Data)?["live"]?.GetValue<bool>() != false;
        }
        if (item.EventId is { Length: > 0 } id)
        {
            LastEventId = id;
        }
        _items.Enqueue(new LiveItem(item.EventType, item.EventId, item.Data.Length == 0 ? null : JsonNode.Parse(item.Data)));
        if (item.EventType == "snapshot")
        {
            Interlocked.Increment(ref _snapshots);
            _firstSnapshot.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // Bounded: the read loop watches the same token.
        await Task.WhenAny(_reading, Task.Delay(TimeSpan.FromSeconds(10)));
        _http.Dispose();
        _stop.Dispose();
    }
}
