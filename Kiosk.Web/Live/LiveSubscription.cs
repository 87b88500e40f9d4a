using System.Threading.Channels;

namespace Kiosk.Web.Live;

/// <summary>One open stream's view of the feed; disposing it closes the stream's queue.</summary>
public sealed class LiveSubscription(LiveFeed feed, Channel<LiveEvent> channel, long position, IReadOnlyList<LiveEvent>? missed)
    : IDisposable
{
    /// <summary>The sequence of the newest event when the stream opened: a snapshot taken now is at least this fresh.</summary>
    public long Position { get; } = position;

    /// <summary>What a resuming stream missed, oldest first; null when it cannot resume and needs a snapshot.</summary>
    public IReadOnlyList<LiveEvent>? Missed { get; } = missed;

    public ChannelReader<LiveEvent> Events => channel.Reader;

    public void Dispose() => feed.Unsubscribe(channel);
}
