using Kiosk.Orders.Apis;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.UnitTests.Orders;

/// <summary>The bookkeeping of waiting GETs, without a database: what a notification of an order's change wakes, and what a request's end leaves behind.</summary>
public sealed class OrderChangesTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    private readonly OrderChanges _changes = new("Host=localhost", NullLogger<OrderChanges>.Instance);

    [Fact]
    public async Task A_change_of_an_order_wakes_every_watch_of_that_order_and_no_other()
    {
        var orderId = Guid.NewGuid();
        using var first = _changes.Watch(orderId);
        using var second = _changes.Watch(orderId);
        using var other = _changes.Watch(Guid.NewGuid());

        _changes.Wake(orderId);

        Assert.True(await first.ChangedWithinAsync(Bound, CancellationToken.None));
        Assert.True(await second.ChangedWithinAsync(Bound, CancellationToken.None));
        Assert.False(await other.ChangedWithinAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None));
        Assert.Equal(1, _changes.Waiting);
    }

    [Fact]
    public async Task A_watch_whose_wait_ran_out_leaves_nothing_behind_once_disposed()
    {
        var orderId = Guid.NewGuid();
        for (var i = 0; i < 1000; i++)
        {
            using var watch = _changes.Watch(i % 2 == 0 ? orderId : Guid.NewGuid());
            if (i % 100 == 0)
            {
                Assert.False(await watch.ChangedWithinAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None));
            }
        }

        Assert.Equal(0, _changes.Waiting);
    }

    [Fact]
    public async Task A_watch_started_after_a_change_waits_for_the_next_one()
    {
        var orderId = Guid.NewGuid();
        _changes.Wake(orderId);
        using var watch = _changes.Watch(orderId);

        Assert.False(await watch.ChangedWithinAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None));
        _changes.Wake(orderId);
        Assert.True(await watch.ChangedWithinAsync(Bound, CancellationToken.None));
    }

    public void Dispose() => _changes.Dispose();
}
