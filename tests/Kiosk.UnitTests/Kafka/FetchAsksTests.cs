using System.Buffers.Binary;
using System.Text;
using Kiosk.KafkaBroker;

namespace Kiosk.UnitTests.Kafka;

/// <summary>
/// The embedded broker holds a consumer's fetch only when it asks again for what its last one asked for, so what a
/// fetch asks for must not change with the order librdkafka lists its partitions in, and must change with anything else.
/// </summary>
public sealed class FetchAsksTests
{
    // 11: the last with topic names and fixed-size lengths; 12: compact (flexible) encoding; 13: topic ids; 16: no replica id.
    public static TheoryData<short> Versions => [4, 11, 12, 13, 16];

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_same_partitions_listed_in_another_order_ask_for_the_same(short version)
    {
        var first = FetchFrame(version, ("orders", 0, 10), ("orders", 1, 20), ("payments", 2, 5));
        var rotated = FetchFrame(version, ("orders", 1, 20), ("payments", 2, 5), ("orders", 0, 10));

        Assert.NotNull(KafkaFrames.FetchAsks(first));
        Assert.Equal(KafkaFrames.FetchAsks(first), KafkaFrames.FetchAsks(rotated));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void An_offset_moved_past_delivered_records_asks_for_something_else(short version)
    {
        var before = FetchFrame(version, ("orders", 0, 10), ("orders", 1, 20));
        var after = FetchFrame(version, ("orders", 0, 11), ("orders", 1, 20));

        Assert.NotEqual(KafkaFrames.FetchAsks(before), KafkaFrames.FetchAsks(after));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void A_partition_added_after_a_rebalance_asks_for_something_else(short version)
    {
        var before = FetchFrame(version, ("orders", 0, 10));
        var after = FetchFrame(version, ("orders", 0, 10), ("orders", 1, 0));

        Assert.NotEqual(KafkaFrames.FetchAsks(before), KafkaFrames.FetchAsks(after));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_same_partition_of_another_topic_asks_for_something_else(short version)
    {
        Assert.NotEqual(KafkaFrames.FetchAsks(FetchFrame(version, ("orders", 0, 10))),
            KafkaFrames.FetchAsks(FetchFrame(version, ("payments", 0, 10))));
    }

    [Fact]
    public void A_fetch_of_a_version_before_4_is_not_read()
    {
        Assert.Null(KafkaFrames.FetchAsks(FetchFrame(3, ("orders", 0, 10))));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void A_fetch_cut_short_is_not_read(short version)
    {
        var frame = FetchFrame(version, ("orders", 0, 10), ("orders", 1, 20));

        Assert.Null(KafkaFrames.FetchAsks(frame.AsSpan(0, frame.Length - 12)));
    }

    /// <summary>A Fetch request frame as a client writes it, grouping consecutive partitions of the same topic.</summary>
    private static byte[] FetchFrame(short version, params (string Topic, int Partition, long Offset)[] partitions)
    {
        var flexible = version >= 12;
        var body = new List<byte>();
        void Int16(short value) => body.AddRange(BigEndian(value, 2));
        void Int32(int value) => body.AddRange(BigEndian(value, 4));
        void Int64(long value) => body.AddRange(BigEndian(value, 8));
        void Length(int count, int size)
        {
            if (flexible)
            {
                body.Add((byte)(count + 1)); // an unsigned varint; every count here is below 127
            }
            else if (size == 2)
            {
                Int16((short)count);
            }
            else
            {
                Int32(count);
            }
        }
        void NoTaggedFields()
        {
            if (flexible)
            {
                body.Add(0);
            }
        }

        Int16(1); // api key: Fetch
        Int16(version);
        Int32(42); // correlation id
        var clientId = "consumer-1"u8.ToArray();
        Int16((short)clientId.Length);
        body.AddRange(clientId);
        NoTaggedFields();
        if (version < 15)
        {
            Int32(-1); // replica id
        }
        Int32(500); // max wait
        Int32(1); // min bytes
        Int32(50 * 1024 * 1024); // max bytes
        body.Add(0); // isolation level
        if (version >= 7)
        {
            Int32(0); // session id
            Int32(-1); // session epoch
        }

        var topics = new List<(string Topic, List<(int Partition, long Offset)> Partitions)>();
        foreach (var (topic, partition, offset) in partitions)
        {
            if (topics.Count == 0 || topics[^1].Topic != topic)
            {
                topics.Add((topic, []));
            }
            topics[^1].Partitions.Add((partition, offset));
        }
        Length(topics.Count, 4);
        foreach (var (topic, topicPartitions) in topics)
        {
            var name = Encoding.UTF8.GetBytes(topic);
            if (version >= 13)
            {
                body.AddRange(TopicId(topic));
            }
            else
            {
                Length(name.Length, 2);
                body.AddRange(name);
            }
            Length(topicPartitions.Count, 4);
            foreach (var (partition, offset) in topicPartitions)
            {
                Int32(partition);
                if (version >= 9)
                {
                    Int32(0); // current leader epoch
                }
                Int64(offset);
                if (version >= 12)
                {
                    Int32(-1); // last fetched epoch
                }
                if (version >= 5)
                {
                    Int64(-1); // log start offset
                }
                Int32(1024 * 1024); // partition max bytes
                NoTaggedFields();
            }
            NoTaggedFields();
        }
        if (version >= 7)
        {
            Length(0, 4); // forgotten topics
        }
        if (version >= 11)
        {
            Length(0, 2); // rack id
        }
        NoTaggedFields();

        return [.. BigEndian(body.Count, 4), .. body];
    }

    private static byte[] BigEndian(long value, int size)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes[(8 - size)..];
    }

    private static byte[] TopicId(string topic)
    {
        var id = new byte[16];
        Encoding.UTF8.GetBytes(topic).AsSpan(0, Math.Min(16, topic.Length)).CopyTo(id);
        return id;
    }
}
