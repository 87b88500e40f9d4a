using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Npgsql;

namespace Kiosk.Benchmarks;

/// <summary>
/// The least the whole order's parts take on this machine with none of Kiosk's code around them: one PostgreSQL round
/// trip, one durable commit (a one-row insert), one message through the broker (acks=all until a consumer holds it) and
/// one request through the gateway to a service that reads once (the forwarded menu read). Added up along the scenario
/// they give a floor that no design keeping the outbox, the inbox and the gateway can go below here.
/// </summary>
public sealed record Floors(
    Percentiles DatabaseRoundTrip, Percentiles DurableCommit, Percentiles BrokerAck, Percentiles ProducedToConsumed, double RequestP50)
{
    /// <summary>The scenario's writes: new cart, three items, checkout, payment; each commits at least once.</summary>
    public const int Writes = 6;

    /// <summary>The writes and the two reads that see the order, then its payment (one poll each at the very least).</summary>
    public const int Requests = Writes + 2;

    /// <summary>One messaging hop: the relay's read, the message through the broker, the consumer's commit.</summary>
    public double HopP50 => DatabaseRoundTrip.P50 + ProducedToConsumed.P50 + DurableCommit.P50;

    /// <summary>CART_CHECKOUT's hop and the one poll that finds the order.</summary>
    public double CheckoutToVisibleP50 => HopP50 + RequestP50;

    /// <summary>Every request once, every write's commit, and the two hops on the path (CART_CHECKOUT, PAYMENT_CONFIRMED).</summary>
    public double WholeOrderP50 => Requests * RequestP50 + Writes * DurableCommit.P50 + 2 * HopP50;
}

public static class FloorProbe
{
    private const string Topic = "BENCHMARK_FLOOR";

    public static async Task<Floors> MeasureAsync(string databaseConnectionString, string kafkaBootstrap, double requestP50, int samples)
    {
        await using var connection = new NpgsqlConnection(databaseConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS benchmark_floor (id bigint NOT NULL)");
        try
        {
            await using var select = new NpgsqlCommand("SELECT 1", connection);
            var roundTrip = await TimeAsync(samples, () => select.ExecuteScalarAsync());
            await using var insert = new NpgsqlCommand("INSERT INTO benchmark_floor VALUES (1)", connection);
            var commit = await TimeAsync(samples, () => insert.ExecuteNonQueryAsync());
            var (ack, consumed) = await ThroughTheBrokerAsync(kafkaBootstrap, samples);
            return new Floors(roundTrip, commit, ack, consumed, requestP50);
        }
        finally
        {
            await ExecuteAsync(connection, "DROP TABLE IF EXISTS benchmark_floor");
        }
    }

    public static string ToText(Floors floors)
    {
        var text = new StringBuilder();
        text.AppendLine("Floors: the scenario's parts alone on this machine, p50 ms (nothing of Kiosk's code around them)");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  PostgreSQL round trip {floors.DatabaseRoundTrip.P50:0.00}, durable commit {floors.DurableCommit.P50:0.00}, broker produce acked {floors.BrokerAck.P50:0.00}, produced -> consumed {floors.ProducedToConsumed.P50:0.00}, one-read request through the gateway {floors.RequestP50:0.00}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  one messaging hop (relay's read + produced -> consumed + consumer's commit) {floors.HopP50:0.0}");
        // The whole order commits six times or more: one slow flush of the write-ahead log is its p99.
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  the durable commit's tail: p99 {floors.DurableCommit.P99:0.00}, slowest of {floors.DurableCommit.Count} {floors.DurableCommit.Max:0.00}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  checkout -> visible floor (one hop + one poll) {floors.CheckoutToVisibleP50:0.0}; whole order floor ({Floors.Requests} requests + {Floors.Writes} commits + 2 hops) {floors.WholeOrderP50:0.0}");
        return text.ToString();
    }

    private static async Task<(Percentiles Ack, Percentiles Consumed)> ThroughTheBrokerAsync(string bootstrap, int samples)
    {
        // The services' producer settings against the embedded broker that bear on latency: acks from every in-sync
        // replica, idempotent sends, no linger.
        using var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrap, Acks = Acks.All, EnableIdempotence = true, LingerMs = 0, MessageTimeoutMs = 10_000,
        }).Build();
        using var consumer = new ConsumerBuilder<Null, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap, GroupId = "benchmark-floor", EnableAutoCommit = false,
        }).Build();
        var payload = new byte[400];
        // The first send creates the topic (the broker creates a topic a producer asks for); the rest go to its partition.
        var first = await producer.ProduceAsync(Topic, new Message<Null, byte[]> { Value = payload });
        var partition = first.TopicPartition;
        consumer.Assign(new TopicPartitionOffset(partition, first.Offset + 1));

        var acked = new List<double>(samples);
        var consumed = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var clock = Stopwatch.StartNew();
            var sent = await producer.ProduceAsync(partition, new Message<Null, byte[]> { Value = payload });
            acked.Add(clock.Elapsed.TotalMilliseconds);
            // librdkafka fetches in the background; Consume takes the message from its queue once it has arrived.
            ConsumeResult<Null, byte[]> received;
            do
            {
                received = consumer.Consume(TimeSpan.FromSeconds(5))
                    ?? throw new TimeoutException($"Offset {sent.Offset} of {Topic} was not consumed within 5 s.");
            }
            while (received.Offset < sent.Offset);
            consumed.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (Percentiles.Of(acked), Percentiles.Of(consumed));
    }

    private static async Task<Percentiles> TimeAsync(int samples, Func<Task> action)
    {
        var times = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Percentiles.Of(times);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
