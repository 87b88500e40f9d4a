using Aspire.Hosting.Testing;
using Npgsql;

namespace Kiosk.IntegrationTests.Resilience;

/// <summary>Nothing lost, nothing doubled: reads the order and payment databases for a set of placed orders.</summary>
public sealed class Ledger(KioskAppFixture fixture)
{
    /// <summary>Every placed order exists once, is PAID, is payable once and has exactly one payment of its total.</summary>
    public async Task AssertEveryOrderPaidOnceAsync(IReadOnlyCollection<PlacedOrder> placed)
    {
        Assert.NotEmpty(placed);
        var ids = placed.Select(o => o.OrderId).ToArray();
        Assert.True(ids.Distinct().Count() == ids.Length, "Two checkouts were answered with the same order id.");

        await using var orders = await OpenAsync("ordersdb");
        await using var payments = await OpenAsync("paymentsdb");
        await Eventually.TrueAsync(async () => await CountAsync(orders,
                """SELECT count(*) FROM orders WHERE "Id" = ANY(@ids) AND "Status" = 'PAID'""", ids) == ids.Length,
            OrderLoad.Patience, $"all {ids.Length} orders to be stored once and PAID in ordersdb");

        Assert.Equal(ids.Length, await CountAsync(payments, """SELECT count(*) FROM payable_orders WHERE "OrderId" = ANY(@ids)""", ids));
        Assert.Equal(ids.Length, await CountAsync(payments, """SELECT count(*) FROM payments WHERE "OrderId" = ANY(@ids)""", ids));
        Assert.Equal(ids.Length, await CountAsync(payments, """SELECT count(DISTINCT "OrderId") FROM payments WHERE "OrderId" = ANY(@ids)""", ids));

        await using var totals = new NpgsqlCommand("""SELECT "OrderId", "Total" FROM payments WHERE "OrderId" = ANY(@ids)""", payments);
        totals.Parameters.AddWithValue("ids", ids);
        var paid = new Dictionary<Guid, decimal>();
        await using (var reader = await totals.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                paid[reader.GetGuid(0)] = reader.GetDecimal(1);
            }
        }
        var wrong = placed.Where(o => paid[o.OrderId] != o.Total).Select(o => $"{o.OrderId}: {paid[o.OrderId]} != {o.Total}").ToList();
        Assert.True(wrong.Count == 0, $"Payments of the wrong total: {string.Join("; ", wrong)}");
    }

    /// <summary>The load itself met no failure a kiosk or cashier would have had to give up on.</summary>
    public static void AssertNoFailures(LoadResult result, int atLeast)
    {
        Assert.True(result.Failures.IsEmpty, $"{result}: {string.Join(" | ", result.Failures.Take(10))}");
        Assert.True(result.Placed.Count >= atLeast, $"Expected at least {atLeast} orders placed; {result}.");
        Assert.Equal(result.Placed.Count, result.Paid.Count);
    }

    private async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> CountAsync(NpgsqlConnection db, string sql, Guid[] ids)
    {
        await using var command = new NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("ids", ids);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
