namespace Kiosk.IntegrationTests.Live;

/// <summary>
/// What one stream should receive: the key of each event that concerns the test (null for the rest: other tests'
/// orders, the order's own PENDING, which may still be on its way when the stream opens), each expected exactly once.
/// </summary>
public sealed class StreamExpectation(ResumingLiveStream stream, Func<LiveItem, string?> key, IReadOnlyList<string> expected)
{
    public ResumingLiveStream Stream => stream;

    public List<string> Received => [.. stream.Items.Select(key).OfType<string>()];

    public bool Complete
    {
        get
        {
            var received = Received;
            return expected.All(e => received.Count(r => r == e) >= expected.Count(x => x == e));
        }
    }

    public override string ToString() =>
        $"{stream.Path}: expected [{string.Join(", ", expected)}], received [{string.Join(", ", Received)}] " +
        $"({stream.Opens} opens, {stream.Snapshots} snapshots, dropped: {string.Join("; ", stream.Dropped)})";

    /// <summary>Every event expected, none twice (neither by content nor by stream id), and one snapshot only: every reopening resumed.</summary>
    public void AssertExactlyOnce()
    {
        Assert.True(expected.Order().SequenceEqual(Received.Order()), $"Not every event exactly once: {this}");
        var ids = stream.Items.Where(i => i.Type != "health").Select(i => i.Id).ToList();
        Assert.True(ids.All(id => !string.IsNullOrEmpty(id)), $"An event without an id: {this}");
        Assert.True(ids.Distinct().Count() == ids.Count, $"An event id came twice: {this}");
        Assert.True(stream.Snapshots == 1, $"A reopened stream started again from a snapshot instead of resuming with Last-Event-ID: {this}");
    }

    public static Func<LiveItem, string?> OrderStatuses() =>
        i => i.Type == "order" && i.Status is { } s && s != "PENDING" ? s : null;

    public static Func<LiveItem, string?> BoardNumbers(IReadOnlySet<int> numbers) =>
        i => i.Type == "order" && i.Status is { } s && s != "PENDING" && i.Data?["orderNumber"]?.GetValue<int>() is { } n && numbers.Contains(n)
            ? $"{n}:{s}"
            : null;

    public static Func<LiveItem, string?> StaffOrders(IReadOnlySet<string> orderIds) =>
        i => i.Type == "order" && i.Status is { } s && s != "PENDING" && i.Data?["orderId"]?.GetValue<string>() is { } id && orderIds.Contains(id)
            ? $"{id}:{s}"
            : null;

    public static Func<LiveItem, string?> Availability(int menuItemId) =>
        i => i.Type == "availability" && i.Data?["menuItemId"]?.GetValue<int>() == menuItemId && i.Data["choiceId"] is null
            ? i.Data["available"]!.GetValue<bool>() ? "available" : "sold out"
            : null;

    /// <summary>Waits (bounded) until every stream has everything it should, then a moment more for any stray repeat.</summary>
    public static async Task WaitAllCompleteAsync(IReadOnlyList<StreamExpectation> all, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!all.All(e => e.Complete))
        {
            if (DateTime.UtcNow > deadline)
            {
                var missing = all.Where(e => !e.Complete).ToList();
                throw new TimeoutException($"{missing.Count} of {all.Count} streams still lack events after {timeout.TotalSeconds:0} s:\n" +
                                           string.Join("\n", missing.Take(10)));
            }
            await Task.Delay(200);
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
    }
}

/// <summary>The streams a test holds open, each with what it should receive; disposing closes them all.</summary>
public sealed class LiveStreamSet(Uri gateway) : IAsyncDisposable
{
    private readonly List<ResumingLiveStream> _streams = [];

    public List<StreamExpectation> Expectations { get; } = [];

    public void Expect(string path, Func<LiveItem, string?> key, IReadOnlyList<string> expected, System.Net.CookieContainer? cookies = null)
    {
        var stream = ResumingLiveStream.Open(gateway, path, cookies);
        _streams.Add(stream);
        Expectations.Add(new StreamExpectation(stream, key, expected));
    }

    public Task WaitForSnapshotsAsync(TimeSpan timeout) => Task.WhenAll(_streams.Select(s => s.WaitForSnapshotAsync(timeout)));

    public async ValueTask DisposeAsync() => await Task.WhenAll(_streams.Select(s => s.DisposeAsync().AsTask()));
}
