using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Kiosk.KafkaBroker;

/// <summary>
/// Accepts Kafka clients on a fixed loopback port and pipes each connection to the mock broker,
/// whose own port is random. A closed side closes the other, so a broker outage reaches the client.
/// It reads the frames it passes on only to give fetches a real broker's timing (see <see cref="ForwardRequestsAsync"/>).
/// </summary>
internal sealed class TcpForwarder(IPEndPoint target, ILogger logger) : IAsyncDisposable
{
    private readonly ProduceSignal _produced = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _connections = new();
    private readonly Lock _gate = new();
    private readonly List<(TcpListener Listener, Task Loop)> _listeners = [];

    public int Port { get; private set; }

    /// <summary>Listens on 127.0.0.1 (and ::1 when available); port 0 picks a free port.</summary>
    public void Start(int port)
    {
        lock (_gate)
        {
            Listen(IPAddress.Loopback, port);
            Port = ((IPEndPoint)_listeners[0].Listener.LocalEndpoint).Port;

            // "localhost" may resolve to ::1 first; listening there too spares clients a refused connection.
            try
            {
                Listen(IPAddress.IPv6Loopback, Port);
            }
            catch (SocketException ex)
            {
                logger.LogDebug(ex, "IPv6 loopback not available; listening on 127.0.0.1 only");
            }
        }
    }

    /// <summary>Closes the listeners so new clients get "connection refused", like a dead broker.</summary>
    public async Task StopListeningAsync()
    {
        List<Task> loops;
        lock (_gate)
        {
            foreach (var (listener, _) in _listeners)
            {
                listener.Stop();
            }

            loops = [.. _listeners.Select(l => l.Loop)];
            _listeners.Clear();
        }

        await Task.WhenAll(loops);
    }

    private void Listen(IPAddress address, int port)
    {
        // No ReuseAddress: on Linux .NET maps it to SO_REUSEPORT too, which would let a second broker share the port.
        var listener = new TcpListener(address, port);
        listener.Start();
        _listeners.Add((listener, AcceptLoopAsync(listener, _stopping.Token)));
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var connection = PipeAsync(client, ct);
            _connections.TryAdd(connection, 0);
            _ = connection.ContinueWith(t => _connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task PipeAsync(Socket client, CancellationToken ct)
    {
        using var clientSocket = client;
        using var broker = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        // Kafka requests are small and latency matters more than packet count.
        client.NoDelay = true;
        broker.NoDelay = true;
        try
        {
            await broker.ConnectAsync(target, ct);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var exchange = new Exchange();
        var upstream = ForwardRequestsAsync(client, broker, exchange, linked.Token);
        var downstream = ForwardResponsesAsync(broker, client, exchange, linked.Token);
        await Task.WhenAny(upstream, downstream);
        await linked.CancelAsync();
        await Task.WhenAll(upstream, downstream);
    }

    /// <summary>
    /// Client to broker, frame by frame. The mock broker answers an empty fetch only when the client's whole wait is
    /// over, even if records arrive meanwhile (a real broker answers at once). So a fetch leaves here with no wait of its
    /// own, after the forwarder has held it until a produce is answered or the client's wait is over: consumers get new
    /// records in a round trip, and an idle consumer asks a few times a second, not hundreds.
    /// </summary>
    private async Task ForwardRequestsAsync(Socket from, Socket to, Exchange exchange, CancellationToken ct)
    {
        var reader = new KafkaFrameReader(from);
        try
        {
            while (await reader.ReadAsync(ct) is { } frame)
            {
                switch (KafkaFrames.ApiKey(frame.Span))
                {
                    case KafkaFrames.Produce:
                        exchange.Produces.TryAdd(KafkaFrames.RequestCorrelationId(frame.Span), 0);
                        break;
                    case KafkaFrames.Fetch:
                        await HoldFetchAsync(frame, exchange, ct);
                        break;
                }
                await SendAsync(to, frame, ct);
            }
        }
        catch (Exception ex) when (IsConnectionEnd(ex))
        {
            // Either side closed, or sent what is not Kafka; the caller tears down both.
        }
    }

    /// <summary>
    /// Holds a fetch only when it asks again for what the last one asked for (the same partitions from the same offsets),
    /// so the last answer brought nothing and only a produce since can change that. Any other fetch may find records at
    /// once: a partition just assigned with a backlog, offsets moved past the records just delivered, a larger size limit.
    /// </summary>
    private async Task HoldFetchAsync(Memory<byte> fetch, Exchange exchange, CancellationToken ct)
    {
        if (KafkaFrames.FetchAsks(fetch.Span) is not { } asks)
        {
            // A fetch this reader cannot read goes as it is, and the mock broker waits it out itself.
            return;
        }
        var at = KafkaFrames.FetchMaxWaitOffset(fetch.Span);
        var wait = TimeSpan.FromMilliseconds(BinaryPrimitives.ReadInt32BigEndian(fetch.Span[at..]));
        BinaryPrimitives.WriteInt32BigEndian(fetch.Span[at..], 0);
        if (asks == exchange.LastFetchAsks)
        {
            await _produced.WaitAsync(exchange.SeenGeneration, wait, ct);
        }
        // Taken before the fetch leaves: a produce answered from now on releases the next fetch at once.
        exchange.SeenGeneration = _produced.Generation;
        exchange.LastFetchAsks = asks;
    }

    /// <summary>Broker to client, frame by frame, noting answered produces.</summary>
    private async Task ForwardResponsesAsync(Socket from, Socket to, Exchange exchange, CancellationToken ct)
    {
        var reader = new KafkaFrameReader(from);
        try
        {
            while (await reader.ReadAsync(ct) is { } frame)
            {
                var produced = exchange.Produces.TryRemove(KafkaFrames.ResponseCorrelationId(frame.Span), out _);
                await SendAsync(to, frame, ct);
                if (produced)
                {
                    // The producer's acknowledgement first: its sender is waiting for it as much as the consumers are.
                    _produced.Produced();
                }
            }
        }
        catch (Exception ex) when (IsConnectionEnd(ex))
        {
            // Either side closed; the caller tears down both.
        }
    }

    private static async Task SendAsync(Socket to, ReadOnlyMemory<byte> frame, CancellationToken ct)
    {
        var sent = 0;
        while (sent < frame.Length)
        {
            sent += await to.SendAsync(frame[sent..], SocketFlags.None, ct);
        }
    }

    private static bool IsConnectionEnd(Exception ex) =>
        ex is SocketException or OperationCanceledException or ObjectDisposedException
            or InvalidDataException or ArgumentOutOfRangeException;

    /// <summary>What one connection's two directions share.</summary>
    private sealed class Exchange
    {
        /// <summary>Correlation ids of produce requests not yet answered.</summary>
        public ConcurrentDictionary<int, byte> Produces { get; } = new();

        /// <summary>The produce count when the last fetch left.</summary>
        public long SeenGeneration { get; set; }

        /// <summary>What the last fetch asked for (<see cref="KafkaFrames.FetchAsks"/>); none yet, so the first is never held.</summary>
        public long? LastFetchAsks { get; set; }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await StopListeningAsync();
        await Task.WhenAll(_connections.Keys);
        _stopping.Dispose();
    }
}
