using Aspire.Hosting.Testing;
using Kiosk.Contracts;
using Kiosk.Contracts.Events;
using Npgsql;

namespace Kiosk.IntegrationTests.Ordering;

/// <summary>
/// The order service turns a CART_CHECKOUT into an order with one SQL batch (order, items, day counter, outbox and inbox
/// rows): what it stores and announces, and that a batch that fails keeps nothing.
/// </summary>
[Collection(KioskCollection.Name)]
public sealed class CheckoutToOrderTests(KioskAppFixture fixture)
{
    private readonly KioskClient _kiosk = new(fixture);
    private readonly KafkaProbe _kafka = new(fixture);

    [Fact]
    public async Task An_order_is_stored_and_announced_with_every_line_choice_and_note_the_checkout_sent()
    {
        var checkout = new CartCheckout(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "TAKE_OUT",
        [
            new CartCheckoutItem(601, "1-pc Chickenjoy Meal with Drink", 200.00m, 2,
                [new LineChoice(9101, "Iced Tea", 0.00m), new LineChoice(9112, "Large drink", 20.00m)], "  no ice "),
            new CartCheckoutItem(201, "Yumburger", 45.00m, 1),
        ], 445.00m, DateTimeOffset.UtcNow);

        await _kafka.ProduceAsync(Topics.CartCheckout, checkout.OrderId.ToString(), EventSerializer.Serialize(checkout));

        var order = await _kiosk.WaitForOrderAsync(checkout.OrderId.ToString());
        Assert.Equal("PENDING", order["status"]!.GetValue<string>());
        Assert.Equal("TAKE_OUT", order["diningOption"]!.GetValue<string>());
        Assert.Equal(445.00m, order["total"]!.GetValue<decimal>());
        var number = order["orderNumber"]!.GetValue<int>();
        Assert.True(number > 0);
        var items = order["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal((601, "1-pc Chickenjoy Meal with Drink", 200.00m, 2, 400.00m, "no ice"), Line(items[0]!));
        Assert.Equal(
            [(9101, "Iced Tea", 0.00m), (9112, "Large drink", 20.00m)],
            items[0]!["choices"]!.AsArray().Select(c => (c!["id"]!.GetValue<int>(), c["name"]!.GetValue<string>(), c["priceDelta"]!.GetValue<decimal>())));
        Assert.Equal((201, "Yumburger", 45.00m, 1, 45.00m, (string?)null), Line(items[1]!));
        Assert.Empty(items[1]!["choices"]!.AsArray());

        var created = EventSerializer.Deserialize<OrderCreated>(
            _kafka.Find(Topics.OrderCreated, m => m.Key == checkout.OrderId.ToString()).Value);
        Assert.Equal(number, created.OrderNumber);
        Assert.Equal(445.00m, created.Total);
        Assert.Equal([601, 201], created.Items!.Select(i => i.MenuItemId));
        Assert.Equal([9101, 9112], created.Items![0].Choices!.Select(c => c.ChoiceId));
        Assert.Equal("no ice", created.Items![0].Note);

        var announced = EventSerializer.Deserialize<OrderStatusChanged>(
            _kafka.Find(Topics.OrderStatusChanged, m => m.Key == checkout.OrderId.ToString()).Value);
        Assert.Equal((number, "PENDING", (string?)null), (announced.OrderNumber, announced.Status, announced.PreviousStatus));
    }

    [Fact]
    public async Task A_checkout_whose_order_the_database_refuses_is_parked_whole_leaving_no_order_item_number_or_event()
    {
        // Passes the event's rules but not the column (100 characters): the item's insert fails after the counter's and
        // the order's, so anything kept of those would show.
        var checkout = new CartCheckout(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "DINE_IN",
            [new CartCheckoutItem(201, new string('Y', 101), 45.00m, 1)], 45.00m, DateTimeOffset.UtcNow);
        var (before, _) = await _kiosk.PlaceOrderAsync((201, 1));
        var numberBefore = (await _kiosk.WaitForOrderAsync(before))["orderNumber"]!.GetValue<int>();

        await _kafka.ProduceAsync(Topics.CartCheckout, checkout.OrderId.ToString(), EventSerializer.Serialize(checkout));

        var parked = _kafka.Find(Topics.DeadLetterOf(Topics.CartCheckout), m => m.Key == checkout.OrderId.ToString());
        // Refused by the database inside the batch, not by the event's rules before it: only then is there anything to roll back.
        Assert.True(parked.Headers.TryGetLastBytes("dlt.error.message", out var error));
        Assert.Contains("value too long", System.Text.Encoding.UTF8.GetString(error), StringComparison.Ordinal);
        await using var db = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("ordersdb"));
        await db.OpenAsync();
        Assert.Equal(0, await CountAsync(db, """SELECT count(*) FROM orders WHERE "Id" = $1""", checkout.OrderId));
        Assert.Equal(0, await CountAsync(db, """SELECT count(*) FROM order_items WHERE "OrderId" = $1""", checkout.OrderId));
        Assert.Equal(0, await CountAsync(db, """SELECT count(*) FROM outbox_messages WHERE "Key" = $1""", checkout.OrderId.ToString()));
        Assert.Equal(0, await CountAsync(db, """SELECT count(*) FROM processed_events WHERE "EventId" = $1""", checkout.EventId));

        // The number it would have taken is the next real order's (nothing else orders in this collection meanwhile).
        var (after, _) = await _kiosk.PlaceOrderAsync((201, 1));
        Assert.Equal(numberBefore + 1, (await _kiosk.WaitForOrderAsync(after))["orderNumber"]!.GetValue<int>());
    }

    private static (int, string, decimal, int, decimal, string?) Line(JsonNode line) => (
        line["menuItemId"]!.GetValue<int>(), line["name"]!.GetValue<string>(), line["unitPrice"]!.GetValue<decimal>(),
        line["quantity"]!.GetValue<int>(), line["lineTotal"]!.GetValue<decimal>(), line["note"]?.GetValue<string>());

    private static async Task<long> CountAsync(NpgsqlConnection db, string sql, object value)
    {
        await using var command = new NpgsqlCommand(sql, db) { Parameters = { new NpgsqlParameter { Value = value } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
