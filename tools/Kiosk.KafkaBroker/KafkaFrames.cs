using System.Buffers.Binary;
using System.Net.Sockets;

namespace Kiosk.KafkaBroker;

/// <summary>
/// The few facts the forwarder reads from Kafka's wire frames: a 4-byte big-endian size, then a request (API key,
/// version, correlation id, client id, ...) or a response (correlation id, ...).
/// </summary>
internal static class KafkaFrames
{
    public const short Produce = 0;
    public const short Fetch = 1;

    // Fetch requests use the flexible header (tagged fields) from v12 and have no replica id in front of the wait from v15.
    private const short FirstFlexibleFetch = 12;
    private const short FirstFetchWithoutReplicaId = 15;
    // Fetch versions before 4 (no isolation level) are older than any client this broker serves.
    private const short FirstReadableFetch = 4;
    private const int RequestHeaderFixedSize = 4 + 2 + 2 + 4;

    public static short ApiKey(ReadOnlySpan<byte> request) => BinaryPrimitives.ReadInt16BigEndian(request[4..]);

    public static int RequestCorrelationId(ReadOnlySpan<byte> request) => BinaryPrimitives.ReadInt32BigEndian(request[8..]);

    public static int ResponseCorrelationId(ReadOnlySpan<byte> response) => BinaryPrimitives.ReadInt32BigEndian(response[4..]);

    /// <summary>Where a Fetch request's <c>max_wait_ms</c> sits in its frame.</summary>
    public static int FetchMaxWaitOffset(ReadOnlySpan<byte> request)
    {
        var version = BinaryPrimitives.ReadInt16BigEndian(request[6..]);
        var clientIdLength = BinaryPrimitives.ReadInt16BigEndian(request[RequestHeaderFixedSize..]);
        var offset = RequestHeaderFixedSize + 2 + Math.Max(0, (int)clientIdLength);
        if (version >= FirstFlexibleFetch)
        {
            offset = SkipTaggedFields(request, offset);
        }
        return version >= FirstFetchWithoutReplicaId ? offset : offset + 4;
    }

    /// <summary>
    /// What a Fetch request asks for: each partition with the offset and size limit it is to be read with, as one number
    /// that does not depend on the order they are listed in (librdkafka rotates them from one fetch to the next). Null
    /// for a request this reader does not know.
    /// </summary>
    public static long? FetchAsks(ReadOnlySpan<byte> request)
    {
        var version = BinaryPrimitives.ReadInt16BigEndian(request[6..]);
        if (version < FirstReadableFetch)
        {
            return null;
        }
        var flexible = version >= FirstFlexibleFetch;
        // The wait, min_bytes, max_bytes, isolation_level, then from v7 the fetch session's id and epoch.
        var offset = FetchMaxWaitOffset(request) + 4 + 4 + 4 + 1 + (version >= 7 ? 8 : 0);
        // partition, current_leader_epoch (v9+), fetch_offset, last_fetched_epoch (v12+), log_start_offset (v5+), partition_max_bytes
        var partitionSize = 4 + (version >= 9 ? 4 : 0) + 8 + (version >= 12 ? 4 : 0) + (version >= 5 ? 8 : 0) + 4;
        try
        {
            long asks = 0;
            var topics = ReadArrayLength(request, ref offset, flexible);
            for (var t = 0; t < topics; t++)
            {
                // A topic id from v13, a name before.
                var topicStart = offset;
                var topicLength = version >= 13 ? 16 : ReadStringLength(request, ref offset, flexible);
                offset += topicLength;
                var topic = request[topicStart..offset];
                var partitions = ReadArrayLength(request, ref offset, flexible);
                for (var p = 0; p < partitions; p++)
                {
                    var hash = new HashCode();
                    hash.AddBytes(topic);
                    hash.AddBytes(request.Slice(offset, partitionSize));
                    asks += hash.ToHashCode();
                    offset += partitionSize;
                    offset = flexible ? SkipTaggedFields(request, offset) : offset;
                }
                offset = flexible ? SkipTaggedFields(request, offset) : offset;
            }
            return asks;
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidDataException)
        {
            return null;
        }
    }

    private static int ReadArrayLength(ReadOnlySpan<byte> frame, ref int offset, bool compact)
    {
        if (compact)
        {
            return ReadUnsignedVarint(frame, ref offset) - 1;
        }
        offset += 4;
        return BinaryPrimitives.ReadInt32BigEndian(frame[(offset - 4)..]);
    }

    private static int ReadStringLength(ReadOnlySpan<byte> frame, ref int offset, bool compact)
    {
        if (compact)
        {
            return ReadUnsignedVarint(frame, ref offset) - 1;
        }
        offset += 2;
        return BinaryPrimitives.ReadInt16BigEndian(frame[(offset - 2)..]);
    }

    private static int SkipTaggedFields(ReadOnlySpan<byte> frame, int offset)
    {
        var count = ReadUnsignedVarint(frame, ref offset);
        for (var i = 0; i < count; i++)
        {
            ReadUnsignedVarint(frame, ref offset);
            offset += ReadUnsignedVarint(frame, ref offset);
        }
        return offset;
    }

    private static int ReadUnsignedVarint(ReadOnlySpan<byte> frame, ref int offset)
    {
        var value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = frame[offset++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw new InvalidDataException("A Kafka varint is longer than five bytes.");
    }
}

/// <summary>Reads whole Kafka frames from a socket; a frame stays valid until the next read.</summary>
internal sealed class KafkaFrameReader(Socket socket)
{
    // A generous bound on one frame: fetch responses are limited by the client's fetch.max.bytes (50 MiB by default).
    private const int MaxFrameSize = 256 * 1024 * 1024;

    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <returns>The next frame, size prefix included, or null once the peer has closed the connection.</returns>
    public async ValueTask<Memory<byte>?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var available = _end - _start;
            if (available >= 4)
            {
                var size = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start));
                if (size is < 0 or > MaxFrameSize)
                {
                    throw new InvalidDataException($"A Kafka frame of {size} bytes is not plausible.");
                }
                var total = 4 + size;
                if (available >= total)
                {
                    var frame = _buffer.AsMemory(_start, total);
                    _start += total;
                    return frame;
                }
                MakeRoom(total);
            }
            else
            {
                MakeRoom(4);
            }

            var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return null;
            }
            _end += read;
        }
    }

    /// <summary>Moves the unread bytes to the front, and grows the buffer when a frame would not fit.</summary>
    private void MakeRoom(int frameSize)
    {
        var available = _end - _start;
        if (frameSize > _buffer.Length)
        {
            var larger = new byte[Math.Max(frameSize, _buffer.Length * 2)];
            _buffer.AsSpan(_start, available).CopyTo(larger);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, available).CopyTo(_buffer);
        }
        else
        {
            return;
        }
        _start = 0;
        _end = available;
    }
}
