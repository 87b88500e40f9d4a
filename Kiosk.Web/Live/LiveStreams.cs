using Kiosk.Web.Crew;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Kiosk.Contracts.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kiosk.Web.Live;

/// <summary>
/// The live streams (server-sent events), one per screen kind. Each starts with a <c>snapshot</c> event (the state
/// now), or, when the browser reconnects with a Last-Event-ID this process still remembers, with the events it missed;
/// then one event per change, and a <c>ping</c> every <see cref="KioskWebOptions.LiveHeartbeatSeconds"/> while idle.
/// While events cannot reach this process (see <see cref="LiveHealthMonitor"/>) a <c>health</c> event
/// <c>{"live": false}</c> tells the page to poll, and <c>{"live": true}</c> that the events flow again.
/// </summary>
public static class LiveStreams
{
    public const string SnapshotEvent = "snapshot";
    public const string OrderEvent = "order";
    public const string AvailabilityEvent = "availability";
    public const string PingEvent = "ping";
    public const string HealthEvent = "health";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapLiveStreams(this IEndpointRouteBuilder app)
    {
        var live = app.MapGroup("/live");

        // The customer's confirmation screen (and their phone): one order's number and status, nothing else.
        live.MapGet("/orders/{orderId:guid}", (Guid orderId, HttpContext http, LiveFeed feed, LiveSnapshots snapshots) =>
            Stream(http, feed, ct => snapshots.OrderAsync(orderId, ct),
                e => e.Order is { } o && o.OrderId == orderId ? new { orderNumber = o.OrderNumber, status = o.Status } : null));

        // The board is public: numbers and statuses of today's orders, never their ids.
        live.MapGet("/board", (HttpContext http, LiveFeed feed, LiveSnapshots snapshots, StoreClock clock) =>
            Stream(http, feed, snapshots.BoardAsync,
                e => e.Order is { } o && o.BusinessDay == clock.Today
                    ? new { orderNumber = o.OrderNumber, status = o.Status, previousStatus = o.PreviousStatus }
                    : null));

        live.MapGet("/menu", (HttpContext http, LiveFeed feed, LiveSnapshots snapshots) =>
            Stream(http, feed, snapshots.MenuAsync,
                e => e.Menu is { } m ? new { menuItemId = m.MenuItemId, choiceId = m.ChoiceId, available = m.Available } : null));

        live.MapGet("/kitchen", (HttpContext http, LiveFeed feed, LiveSnapshots snapshots) =>
            Stream(http, feed, snapshots.OpenOrdersAsync, StaffView)).RequireAuthorization(CrewPolicies.Kitchen);

        live.MapGet("/cashier", (HttpContext http, LiveFeed feed, LiveSnapshots snapshots) =>
            Stream(http, feed, snapshots.OpenOrdersAsync, StaffView)).RequireAuthorization(CrewPolicies.Cashier);

        return app;
    }

    private static object? StaffView(LiveEvent e) => e.Order is { } o
        ? new { orderId = o.OrderId, orderNumber = o.OrderNumber, status = o.Status, previousStatus = o.PreviousStatus }
        : null;

    private static ServerSentEventsResult<string> Stream(
        HttpContext http, LiveFeed feed, Func<CancellationToken, Task<object>> snapshot, Func<LiveEvent, object?> view)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<KioskWebOptions>>().Value;
        // Never cached, never buffered on the way (a proxy that buffers would hold every event back).
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var lastEventId = http.Request.Headers["Last-Event-ID"].FirstOrDefault();
        // A stream ends when the app stops, too: an open stream would otherwise hold a restart (or a replica's rollout)
        // for the whole shutdown timeout. The page reconnects to another process and resumes with Last-Event-ID.
        var stopping = http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return TypedResults.ServerSentEvents(
            Events(feed, lastEventId, snapshot, view, options, http.RequestAborted, stopping));
    }

    private static async IAsyncEnumerable<SseItem<string>> Events(
        LiveFeed feed, string? lastEventId, Func<CancellationToken, Task<object>> snapshot, Func<LiveEvent, object?> view,
        KioskWebOptions options, CancellationToken aborted, CancellationToken stopping,
        [EnumeratorCancellation] CancellationToken enumeration = default)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping, enumeration);
        lifetime.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.LiveStreamSeconds)));
        var heartbeat = TimeSpan.FromSeconds(Math.Max(1, options.LiveHeartbeatSeconds));
        var ct = lifetime.Token;

        using var subscription = feed.Subscribe(lastEventId);
        if (subscription.Missed is null)
        {
            yield return Item(SnapshotEvent, await snapshot(aborted), feed.IdOf(subscription.Position));
        }
        else
        {
            foreach (var missed in subscription.Missed)
            {
                if (ToItem(feed, missed, view) is { } item)
                {
                    yield return item;
                }
            }
        }

        if (!feed.IsLive)
        {
            yield return HealthItem(false);
        }

        var events = subscription.Events;
        Task<bool>? arrival = null;
        while (!ct.IsCancellationRequested)
        {
            while (events.TryRead(out var next))
            {
                if (ToItem(feed, next, view) is { } item)
                {
                    yield return item;
                }
            }

            arrival ??= events.WaitToReadAsync(ct).AsTask();
            var woken = await Task.WhenAny(arrival, Task.Delay(heartbeat, ct));
            if (ct.IsCancellationRequested)
            {
                // The stream's time is up (or the client left): the browser reconnects with the last id it saw.
                yield break;
            }
            if (woken == arrival)
            {
                if (!await arrival)
                {
                    yield break;
                }
                arrival = null;
            }
            else
            {
                // No id: a ping must not move the browser's Last-Event-ID.
                yield return new SseItem<string>("", PingEvent);
            }
        }
    }

    private static SseItem<string>? ToItem(LiveFeed feed, LiveEvent live, Func<LiveEvent, object?> view) =>
        live.Live is { } flowing ? HealthItem(flowing)
        : view(live) is { } data
            ? Item(live.Order is not null ? OrderEvent : AvailabilityEvent, data, feed.IdOf(live.Sequence))
            : null;

    // No id, like a ping: a notice is about now, not a place in the feed to resume from.
    private static SseItem<string> HealthItem(bool live) =>
        new(JsonSerializer.Serialize(new { live }, Json), HealthEvent);

    private static SseItem<string> Item(string type, object data, string id) =>
        new(JsonSerializer.Serialize(data, Json), type)
        {
            EventId = id,
            // After the server ends a stream, the browser comes back within a second.
            ReconnectionInterval = TimeSpan.FromSeconds(1),
        };
}
