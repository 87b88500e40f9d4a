using System.Diagnostics;
using Kiosk.IntegrationTests.Ordering;

namespace Kiosk.IntegrationTests.Replicas;

/// <summary>
/// GETs that prefer to wait for an order, spread by the gateway over two replicas of orders, all answer the moment it is
/// created: the database tells every replica, not only the one whose consumer created the order.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class OrderWaitReplicaTests(ReplicaAppFixture fixture)
{
    // The gateway balances by open requests, so eight held at once land on both replicas.
    private const int Waiting = 8;
    private const int WaitSeconds = 10;

    [Fact]
    public async Task Every_waiting_GET_on_either_replica_answers_the_moment_the_order_is_created()
    {
        var orderId = Guid.NewGuid();
        var gets = Enumerable.Range(0, Waiting)
            .Select(_ => OrderWaitTests.SendGetAsync(fixture.Gateway, orderId, wait: WaitSeconds)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(gets, get => get.IsCompleted);

        var watch = Stopwatch.StartNew();
        await OrderRows.InsertAsync(fixture, orderId, 99.00m);
        var answers = await Task.WhenAll(gets);

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(WaitSeconds - 2), $"the last answered {watch.Elapsed} after the insert: at the end of its wait");
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
