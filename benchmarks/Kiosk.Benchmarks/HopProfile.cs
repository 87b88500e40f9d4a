using System.Globalization;
using System.Text;
using Npgsql;

namespace Kiosk.Benchmarks;

/// <summary>One hop of the whole order and how long it took, over the orders of the profiled run.</summary>
public sealed record HopRow(string Hop, Percentiles Latency);

/// <summary>
/// Where the whole order's time goes, hop by hop, for the one-kiosk run. The HTTP hops are the scenario's own
/// response times (through the gateway, and the same requests sent straight to the service); the messaging hops come
/// from the timestamps the services already keep: an outbox row's <c>CreatedAt</c> (written with the state change,
/// just before the commit) and <c>SentAt</c> (set once the broker acknowledged it), and the consumer's inbox row
/// <c>ProcessedAt</c> (set after its handler ran, just before the commit), joined on the event id. All clocks are this
/// machine's.
/// </summary>
public static class HopProfile
{
    private sealed record Sent(string Database, string Topic, DateTime CreatedAt, DateTime SentAt);

    private sealed record Handled(string Database, string Group, string Topic, Guid EventId, DateTime ProcessedAt);

    public static async Task<List<HopRow>> ReadMessagingAsync(
        IReadOnlyDictionary<string, string> databases, DateTimeOffset from, DateTimeOffset to)
    {
        var sent = new Dictionary<Guid, Sent>();
        var handled = new List<Handled>();
        foreach (var (database, connectionString) in databases)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using (var outbox = new NpgsqlCommand(
                """SELECT "EventId", "Topic", "CreatedAt", "SentAt" FROM outbox_messages WHERE "CreatedAt" BETWEEN $1 AND $2 AND "SentAt" IS NOT NULL""",
                connection))
            {
                outbox.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime });
                outbox.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime });
                await using var rows = await outbox.ExecuteReaderAsync();
                while (await rows.ReadAsync())
                {
                    sent[rows.GetGuid(0)] = new Sent(database, rows.GetString(1), rows.GetDateTime(2), rows.GetDateTime(3));
                }
            }
            if (!await HasTableAsync(connection, "processed_events"))
            {
                continue;
            }
            await using var inbox = new NpgsqlCommand(
                """SELECT "EventId", "ConsumerGroup", "Topic", "ProcessedAt" FROM processed_events WHERE "ProcessedAt" >= $1""",
                connection);
            inbox.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime });
            await using var handledRows = await inbox.ExecuteReaderAsync();
            while (await handledRows.ReadAsync())
            {
                handled.Add(new Handled(database, handledRows.GetString(1), handledRows.GetString(2), handledRows.GetGuid(0), handledRows.GetDateTime(3)));
            }
        }

        var hops = new List<HopRow>();
        foreach (var topic in sent.Values.GroupBy(s => (s.Database, s.Topic)).OrderBy(g => g.Min(s => s.CreatedAt)))
        {
            hops.Add(new HopRow($"{topic.Key.Topic}: {topic.Key.Database} outbox row written -> broker acked",
                Percentiles.Of(topic.Select(s => (s.SentAt - s.CreatedAt).TotalMilliseconds))));
        }
        var delivered = handled.Where(h => sent.ContainsKey(h.EventId));
        foreach (var hop in delivered.GroupBy(h => (h.Topic, h.Group)).OrderBy(g => g.Min(h => h.ProcessedAt)))
        {
            hops.Add(new HopRow($"{hop.Key.Topic}: broker acked -> {hop.Key.Group} handled",
                Percentiles.Of(hop.Select(h => (h.ProcessedAt - sent[h.EventId].SentAt).TotalMilliseconds))));
        }
        return hops;
    }

    /// <summary>
    /// The profiled run's requests through the gateway, then the same requests of the alternating run through the gateway
    /// and straight to the service.
    /// </summary>
    public static List<HopRow> Requests(
        IReadOnlyDictionary<string, Percentiles> profiled,
        IReadOnlyDictionary<string, Percentiles> alternatingGateway,
        IReadOnlyDictionary<string, Percentiles> alternatingDirect)
    {
        var hops = new List<HopRow>();
        foreach (var (request, latency) in profiled.OrderBy(p => p.Key))
        {
            hops.Add(new HopRow($"{request}: through the gateway", latency));
            if (alternatingGateway.TryGetValue(request, out var gateway) && alternatingDirect.TryGetValue(request, out var straight))
            {
                hops.Add(new HopRow($"{request}: alternating run, through the gateway", gateway));
                hops.Add(new HopRow($"{request}: alternating run, straight to the service", straight));
            }
        }
        return hops;
    }

    public static string ToText(IReadOnlyList<HopRow> hops)
    {
        var text = new StringBuilder();
        text.AppendLine("Kiosk: where the whole order's time goes, one kiosk (ms, nearest-rank)");
        text.AppendLine($"  {"hop",-72} {"n",5} {"p50",8} {"p90",8} {"p99",8} {"max",8}");
        foreach (var hop in hops)
        {
            var p = hop.Latency;
            text.AppendLine(CultureInfo.InvariantCulture, $"  {hop.Hop,-72} {p.Count,5} {p.P50,8:0.0} {p.P90,8:0.0} {p.P99,8:0.0} {p.Max,8:0.0}");
        }
        return text.ToString();
    }

    private static async Task<bool> HasTableAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
