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
