using Kiosk.IntegrationTests.Counter;

namespace Kiosk.IntegrationTests.Replicas;

/// <summary>
/// A payment and a cancellation of one order, sent at once through the gateway to two replicas each of orders and
/// payments: exactly one wins, the other answers 409, and both services end up agreeing on the winner.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class PayOrCancelRaceTests(ReplicaAppFixture fixture)
{
    private const int Races = 12;

    [Fact]
    public async Task In_every_race_between_paying_and_cancelling_one_order_exactly_one_wins()
    {
        using var cashier = new CounterClient(fixture);
        using var otherCashier = new CounterClient(fixture);
        var outcomes = new List<string>();
        for (var race = 0; race < Races; race++)
        {
            var (orderId, _, _) = await cashier.PlacePayableOrderAsync((101, 1));

            var pay = cashier.PayAsync(orderId, 100.00m);
            var cancel = otherCashier.CancelAsync(orderId, "Race");
            using var paid = await pay;
            using var cancelled = await cancel;

            var outcome = ((int)paid.StatusCode, (int)cancelled.StatusCode);
            Assert.True(outcome is (201, 409) or (409, 200),
                $"Race {race}: payment {outcome.Item1} {await paid.Content.ReadAsStringAsync()}, cancellation {outcome.Item2} {await cancelled.Content.ReadAsStringAsync()}");
            var winner = outcome.Item1 == 201 ? "PAID" : "CANCELLED";
            await cashier.Kiosk.WaitForOrderAsync(orderId, winner);
            // Payments agrees: one payment row for a paid order, none for a cancelled one, and no second try gets through.
            var payments = await cashier.QuerySqlAsync<long>("paymentsdb",
                """SELECT count(*) FROM payments WHERE "OrderId" = @id""", ("id", Guid.Parse(orderId)));
            Assert.Equal(winner == "PAID" ? 1L : 0L, payments);
            using var again = await cashier.PayAsync(orderId, 100.00m);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            outcomes.Add(winner);
        }
        Assert.Equal(Races, outcomes.Count);
    }
}
