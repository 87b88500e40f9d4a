using System.Collections.Concurrent;
using Aspire.Hosting.Testing;
using Kiosk.Contracts;
using Npgsql;

namespace Kiosk.IntegrationTests.Replicas;

/// <summary>
/// Cart, orders and payments run as two replicas each; kiosks order and pay at the same time, and one orders replica is
/// stopped in the middle. Nothing may be lost or doubled: not an order, not a number, not a payment, not an event.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class ReplicaLoadTests(ReplicaAppFixture fixture)
{
    private const int Kiosks = 8;
    private const int OrdersPerKiosk = 10;

    [Fact]
    public async Task With_a_replica_stopped_mid_load_every_checkout_becomes_one_order_with_its_own_number_paid_once_and_every_event_leaves_once()
    {
        using var staff = fixture.CreateStaffClient();
        var placed = new ConcurrentBag<ReplicaKiosk.Placed>();
        var thirdDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stoppedReplica = fixture.ReplicasOf("orders")[0];
        var stopping = Task.Run(async () =>
        {
            await thirdDone.Task;
            await fixture.StopReplicaAsync(stoppedReplica);
        });

        await Task.WhenAll(Enumerable.Range(0, Kiosks).Select(_ => Task.Run(async () =>
        {
            var kiosk = new ReplicaKiosk(fixture, staff);
            for (var i = 0; i < OrdersPerKiosk; i++)
            {
                placed.Add(await kiosk.PlaceAndPayAsync());
                if (placed.Count >= Kiosks * OrdersPerKiosk / 3)
                {
                    thirdDone.TrySetResult();
                }
            }
        })));
        await stopping;

        var orderIds = placed.Select(p => p.OrderId).ToArray();
        Assert.Equal(Kiosks * OrdersPerKiosk, orderIds.Distinct().Count());

        await AssertEachCheckoutIsOnePaidOrderWithItsOwnNumberAsync(placed);
        await AssertPaidOnceAsync(orderIds);
        await AssertEveryOutboxRowLeftExactlyOnceAsync("cartdb", Topics.CartCheckout, orderIds);
        await AssertEveryOutboxRowLeftExactlyOnceAsync("ordersdb", Topics.OrderCreated, orderIds);
        await AssertEveryOutboxRowLeftExactlyOnceAsync("paymentsdb", Topics.PaymentConfirmed, orderIds);
    }

    private async Task AssertEachCheckoutIsOnePaidOrderWithItsOwnNumberAsync(IReadOnlyCollection<ReplicaKiosk.Placed> placed)
    {
        await using var db = await OpenAsync("ordersdb");
        await using var query = new NpgsqlCommand("""
            SELECT "Id", "CartId", "BusinessDay", "OrderNumber", "Status" FROM orders WHERE "CartId" = ANY(@carts)
            """, db);
        query.Parameters.AddWithValue("carts", placed.Select(p => p.CartId).ToArray());
        var orders = new List<(Guid Id, Guid CartId, DateOnly Day, int Number, string Status)>();
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                orders.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt32(3), reader.GetString(4)));
            }
        }

        Assert.Equal(placed.Count, orders.Count);
        Assert.Equal(placed.Select(p => (p.OrderId, p.CartId)).Order(), orders.Select(o => (o.Id, o.CartId)).Order());
        Assert.All(orders, o => Assert.Equal("PAID", o.Status));
        var numbers = orders.Select(o => (o.Day, o.Number)).ToList();
        Assert.True(numbers.Distinct().Count() == numbers.Count,
            "Order numbers handed out twice on one day: " + string.Join(", ", numbers.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key)));
    }

    private async Task AssertPaidOnceAsync(Guid[] orderIds)
    {
        await using var db = await OpenAsync("paymentsdb");
        await using var query = new NpgsqlCommand("""
            SELECT "OrderId", count(*) FROM payments WHERE "OrderId" = ANY(@orders) GROUP BY "OrderId"
            """, db);
        query.Parameters.AddWithValue("orders", orderIds);
        var payments = new Dictionary<Guid, long>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            payments[reader.GetGuid(0)] = reader.GetInt64(1);
        }

        Assert.Equal(orderIds.Order(), payments.Keys.Order());
        Assert.All(payments, p => Assert.True(p.Value == 1, $"Order {p.Key} was paid {p.Value} times."));
    }

    /// <summary>Every outbox row of these orders is marked sent, and its event is on the topic exactly once.</summary>
    private async Task AssertEveryOutboxRowLeftExactlyOnceAsync(string database, string topic, Guid[] orderIds)
    {
        var keys = orderIds.Select(id => id.ToString()).ToArray();
        await using var db = await OpenAsync(database);
        await Eventually.TrueAsync(async () =>
        {
            await using var unsent = new NpgsqlCommand("""
                SELECT count(*) FROM outbox_messages WHERE "Topic" = @topic AND "Key" = ANY(@keys) AND "SentAt" IS NULL
                """, db);
            unsent.Parameters.AddWithValue("topic", topic);
            unsent.Parameters.AddWithValue("keys", keys);
            return (long)(await unsent.ExecuteScalarAsync())! == 0;
        }, KioskClient.Patience, $"every {topic} outbox row in {database} to be marked sent");

        // One service's outbox holds several topics (orders: ORDER_CREATED and ORDER_STATUS_CHANGED, both keyed by order).
        await using var rows = new NpgsqlCommand("""SELECT "EventId" FROM outbox_messages WHERE "Topic" = @topic AND "Key" = ANY(@keys)""", db);
        rows.Parameters.AddWithValue("topic", topic);
        rows.Parameters.AddWithValue("keys", keys);
        var eventIds = new List<Guid>();
        await using (var reader = await rows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                eventIds.Add(reader.GetGuid(0));
            }
        }
        Assert.Equal(orderIds.Length, eventIds.Count);

        var onTopic = TopicSnapshot.ReadAll(fixture.KafkaBootstrapServers, topic)
            .Select(m => JsonNode.Parse(m.Value)!["event_id"]!.GetValue<Guid>())
            .CountBy(id => id)
            .ToDictionary();
        Assert.All(eventIds, id =>
            Assert.True(onTopic.GetValueOrDefault(id) == 1, $"{topic} event {id} is on the topic {onTopic.GetValueOrDefault(id)} times."));
    }

    private async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        return connection;
    }
}
