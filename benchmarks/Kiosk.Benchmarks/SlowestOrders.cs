using System.Globalization;
using System.Text;
using Npgsql;

namespace Kiosk.Benchmarks;

/// <summary>One order of the profiled (one-kiosk) run as the kiosk saw it.</summary>
public sealed record OrderTrace(Guid OrderId, double CheckoutMs, DateTimeOffset Answered, DateTimeOffset CreatedAt, double VisibleMs);

/// <summary>
/// Where one order's checkout → visible went: the checkout request, then from its answer until the order service's
/// handler began (the order's <c>createdAt</c>), the handler until it wrote its ORDER_CREATED outbox row (just before its
/// commit), and from there until the kiosk had the order (the commit, the wake-up and the answer through the gateway).
/// </summary>
public sealed record OrderBreakdown(Guid OrderId, double Visible, double Checkout, double AnswerToHandler, double Handler, double HandlerToVisible);

/// <summary>The checkout → visible tail, order by order: the p99 is a handful of orders, and this says what held each.</summary>
public static class SlowestOrders
{
    public static async Task<List<OrderBreakdown>> ReadAsync(string ordersDatabase, IReadOnlyCollection<OrderTrace> orders)
    {
        var written = new Dictionary<Guid, DateTime>();
        await using var connection = new NpgsqlConnection(ordersDatabase);
        await connection.OpenAsync();
        await using var outbox = new NpgsqlCommand(
            """SELECT "Key", "CreatedAt" FROM outbox_messages WHERE "Topic" = 'ORDER_CREATED' AND "Key" = ANY($1)""", connection);
        outbox.Parameters.Add(new NpgsqlParameter { Value = orders.Select(o => o.OrderId.ToString()).ToArray() });
        await using var rows = await outbox.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            written[Guid.Parse(rows.GetString(0))] = rows.GetDateTime(1);
        }

        return [.. orders.Where(o => written.ContainsKey(o.OrderId)).Select(o =>
        {
            var answered = o.Answered.UtcDateTime;
            var visible = answered.AddMilliseconds(o.VisibleMs - o.CheckoutMs);
            var created = o.CreatedAt.UtcDateTime;
            var outboxRow = written[o.OrderId];
            return new OrderBreakdown(o.OrderId, o.VisibleMs, o.CheckoutMs,
                (created - answered).TotalMilliseconds, (outboxRow - created).TotalMilliseconds, (visible - outboxRow).TotalMilliseconds);
        })];
    }

    public static string ToText(IReadOnlyList<OrderBreakdown> orders, int slowest = 5)
    {
        var text = new StringBuilder();
        text.AppendLine("Kiosk: the slowest checkout -> visible of the one-kiosk run, order by order (ms; the p50 of all orders first)");
        text.AppendLine($"  {"order",-10} {"visible",8} {"checkout",9} {"answer->handler",16} {"handler",8} {"handler's outbox row->kiosk has it",35}");
        double P50(Func<OrderBreakdown, double> of) => Percentiles.Of(orders.Select(of)).P50;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  {"p50",-10} {P50(o => o.Visible),8:0.0} {P50(o => o.Checkout),9:0.0} {P50(o => o.AnswerToHandler),16:0.0} {P50(o => o.Handler),8:0.0} {P50(o => o.HandlerToVisible),35:0.0}");
        foreach (var o in orders.OrderByDescending(o => o.Visible).Take(slowest))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {o.OrderId.ToString()[..8],-10} {o.Visible,8:0.0} {o.Checkout,9:0.0} {o.AnswerToHandler,16:0.0} {o.Handler,8:0.0} {o.HandlerToVisible,35:0.0}");
        }
        return text.ToString();
    }
}
