using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Kiosk.KafkaBroker;

/// <summary>
/// Accepts Kafka clients on a fixed loopback port and pipes each connection to the mock broker,
/// whose own port is random. A closed side closes the other, so a broker outage reaches the client.
/// </summary>
internal sealed class TcpForwarder(IPEndPoint target, ILogger logger) : IAsyncDisposable
{
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
        var upstream = CopyAsync(client, broker, linked.Token);
        var downstream = CopyAsync(broker, client, linked.Token);
        await Task.WhenAny(upstream, downstream);
        await linked.CancelAsync();
        await Task.WhenAll(upstream, downstream);
    }

    private static async Task CopyAsync(Socket from, Socket to, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, ct);
                if (read == 0)
                {
                    return;
                }

                var sent = 0;
                while (sent < read)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, ct);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Either side closed; the caller tears down both.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await StopListeningAsync();
        await Task.WhenAll(_connections.Keys);
        _stopping.Dispose();
    }
}
