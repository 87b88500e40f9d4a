using Kiosk.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.UnitTests.Web;

public sealed class LiveFeedHealthTests
{
    private readonly LiveFeed _feed = new(NullLogger<LiveFeed>.Instance);

    [Fact]
    public void Open_streams_are_told_once_when_events_stop_flowing_and_once_when_they_flow_again()
    {
        using var stream = _feed.Subscribe(lastEventId: null);
        Assert.True(_feed.IsLive);

        Assert.True(_feed.SetLive(false));
        Assert.False(_feed.SetLive(false)); // no change, no notice
        Assert.False(_feed.IsLive);
        Assert.True(_feed.SetLive(true));

        Assert.True(stream.Events.TryRead(out var stopped));
        Assert.True(stream.Events.TryRead(out var flowing));
        Assert.False(stream.Events.TryRead(out _));
        Assert.Equal([false, true], new[] { stopped.Live, flowing.Live });
    }

    [Fact]
    public void A_notice_takes_no_place_in_the_feed_so_a_resuming_stream_never_replays_it()
    {
        string lastSeen;
        using (var before = _feed.Subscribe(null))
        {
            lastSeen = _feed.IdOf(before.Position);
        }
        _feed.SetLive(false);
        _feed.SetLive(true);

        using var resumed = _feed.Subscribe(lastSeen);
        Assert.NotNull(resumed.Missed);
        Assert.Empty(resumed.Missed);
    }
}
