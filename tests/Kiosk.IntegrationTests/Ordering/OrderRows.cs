using Aspire.Hosting.Testing;
using Npgsql;

namespace Kiosk.IntegrationTests.Ordering;

/// <summary>Orders written straight into the order database, as the CART_CHECKOUT handler's commit would, but with no event.</summary>
public static class OrderRows
{
    /// <returns>The order's number: far above any number a day of real orders reaches, so the day's numbering is not disturbed.</returns>
    public static async Task<int> InsertAsync(KioskAppFixture fixture, Guid orderId, decimal total)
    {
        var orderNumber = 900_000 + Random.Shared.Next(99_999);
        await using var db = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("ordersdb"));
        await db.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO orders ("Id", "OrderNumber", "BusinessDay", "Status", "DiningOption", "CartId", "Total", "CreatedAt")
            VALUES (@id, @number, CURRENT_DATE, 'PENDING', 'DINE_IN', @cartId, @total, now())
            """, db);
        insert.Parameters.AddWithValue("id", orderId);
        insert.Parameters.AddWithValue("number", orderNumber);
        insert.Parameters.AddWithValue("cartId", Guid.NewGuid());
        insert.Parameters.AddWithValue("total", total);
        await insert.ExecuteNonQueryAsync();
        return orderNumber;
    }
}
