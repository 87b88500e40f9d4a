using System.Net;
using System.Net.Sockets;

namespace Kiosk.Gateway;

/// <summary>
/// <c>Gateway:OutgoingAddress</c> (e.g. <c>127.0.0.9</c>): the gateway opens every connection to the apps from this
/// local address, so the apps can trust forwarded headers from exactly it (<c>Kiosk:TrustedProxies</c>). On one machine
/// every process is on loopback; this tells the gateway apart from anyone else connecting there. Unset: the system picks.
/// </summary>
public static class OutgoingAddress
{
    public const string ConfigurationKey = "Gateway:OutgoingAddress";

    public static IReverseProxyBuilder BindOutgoingAddress(this IReverseProxyBuilder proxy, IConfiguration configuration)
    {
        if (configuration[ConfigurationKey] is not { Length: > 0 } configured)
        {
            return proxy;
        }
        var local = IPAddress.Parse(configured);
        return proxy.ConfigureHttpClient((_, handler) => handler.ConnectCallback = (context, ct) => ConnectFromAsync(local, context.DnsEndPoint, ct));
    }

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress local, DnsEndPoint destination, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(destination.Host, local.AddressFamily, ct);
        var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(local, 0));
            await socket.ConnectAsync(addresses, destination.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
