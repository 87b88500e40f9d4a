using System.Threading.Channels;
using Kiosk.Contracts.Events;
using Kiosk.Messaging;

namespace Kiosk.Web.Live;

/// <summary>
/// The events every live screen follows, fanned out in-process: each comes once from the broker (duplicates dropped on
/// event_id), takes the next sequence number, is kept in a bounded ring for reconnecting streams, and is written to
/// every open stream. Stream ids are "{feed}-{sequence}": a stream that reconnects to another process (or to this one
/// restarted) has an id of another feed, and starts again from a snapshot.
/// </summary>
public sealed class LiveFeed(ILogger<LiveFeed> logger) : IBroadcastHandler
{
    /// <summary>Events a reconnecting stream can catch up on; at a busy store's pace, several minutes of them.</summary>
    public const int Capacity = 1024;

    // A stream that falls this far behind (a stalled client) loses its oldest events rather than holding memory.
    private const int StreamBacklog = 256;

    private readonly Lock _gate = new();
    private readonly LiveEvent[] _ring = new LiveEvent[Capacity];
    private readonly HashSet<Guid> _seen = [];
    private readonly Queue<Guid> _seenOrder = new();
    private readonly List<Channel<LiveEvent>> _streams = [];
    private long _sequence;
    private bool _live = true;

    public string FeedId { get; } = Guid.NewGuid().ToString("N")[..8];

    public int OpenStreams
    {
        get
        {
            lock (_gate)
            {
                return _streams.Count;
            }
        }
    }

    /// <summary>
    /// False while the events cannot reach this process (the broker is away, the consumer is stuck or has no
    /// partitions): a page then polls until it hears otherwise. See <see cref="LiveHealthMonitor"/>.
    /// </summary>
    public bool IsLive
    {
        get
        {
            lock (_gate)
            {
                return _live;
            }
        }
    }

    /// <summary>Tells every open stream when events stop or start reaching this process.</summary>
    /// <returns>True when this changed the state.</returns>
    public bool SetLive(bool live)
    {
        lock (_gate)
        {
            if (_live == live)
            {
                return false;
            }
            _live = live;
            var notice = new LiveEvent(0, null, null, live);
            foreach (var stream in _streams)
            {
                stream.Writer.TryWrite(notice);
            }
            return true;
        }
    }

    public void Handle(InboundMessage message)
    {
        switch (message.Topic)
        {
            case Topics.OrderStatusChanged:
                var order = EventSerializer.Deserialize<OrderStatusChanged>(message.Value);
                Publish(order.EventId, sequence => new LiveEvent(sequence, order, null));
                break;
            case Topics.MenuAvailabilityChanged:
                var menu = EventSerializer.Deserialize<MenuAvailabilityChanged>(message.Value);
                Publish(menu.EventId, sequence => new LiveEvent(sequence, null, menu));
                break;
        }
    }

    /// <summary>
    /// Opens a stream. With the id of the last event the client saw, and that event still in the ring, the stream gets
    /// what it missed; otherwise <see cref="LiveSubscription.Missed"/> is null and the client needs a snapshot.
    /// </summary>
    public LiveSubscription Subscribe(string? lastEventId)
    {
        var channel = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(StreamBacklog)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _streams.Add(channel);
            List<LiveEvent>? missed = null;
            if (ParseOwnId(lastEventId) is { } last && last <= _sequence && last >= _sequence - Capacity)
            {
                missed = [];
                for (var sequence = last + 1; sequence <= _sequence; sequence++)
                {
                    missed.Add(_ring[sequence % Capacity]);
                }
            }
            return new LiveSubscription(this, channel, _sequence, missed);
        }
    }

    public string IdOf(long sequence) => $"{FeedId}-{sequence.ToString(CultureInfo.InvariantCulture)}";

    internal void Unsubscribe(Channel<LiveEvent> channel)
    {
        lock (_gate)
        {
            _streams.Remove(channel);
        }
        channel.Writer.TryComplete();
    }

    private void Publish(Guid eventId, Func<long, LiveEvent> create)
    {
        lock (_gate)
        {
            if (!_seen.Add(eventId))
            {
                logger.LogDebug("Live event {EventId} seen before; dropped", eventId);
                return;
            }
            _seenOrder.Enqueue(eventId);
            if (_seenOrder.Count > Capacity * 4)
            {
                _seen.Remove(_seenOrder.Dequeue());
            }

            var live = create(++_sequence);
            _ring[live.Sequence % Capacity] = live;
            foreach (var stream in _streams)
            {
                stream.Writer.TryWrite(live);
            }
        }
    }

    private long? ParseOwnId(string? id)
    {
        if (id is null || !id.StartsWith(FeedId + "-", StringComparison.Ordinal))
        {
            return null;
        }
        return long.TryParse(id.AsSpan(FeedId.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;
    }
}
