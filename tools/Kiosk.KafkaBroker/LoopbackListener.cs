namespace Kiosk.KafkaBroker;

/// <summary>
/// The broker's HTTP port answers only this machine: whatever ASPNETCORE_URLS (or HTTP_PORTS) asks for, it listens on
/// 127.0.0.1 at the same port(s). HTTPS is refused, since the control surface has no certificate to offer.
/// </summary>
internal static class LoopbackListener
{
    private const int DefaultPort = 5000;

    public static string[] Urls(IConfiguration configuration)
    {
        var ports = configuration["urls"] is { Length: > 0 } urls
            ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(PortOf)
            : configuration["http_ports"] is { Length: > 0 } httpPorts
                ? httpPorts.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParsePort)
                : [DefaultPort];
        return [.. ports.Distinct().Select(port => $"http://127.0.0.1:{port}")];
    }

    private static int PortOf(string url)
    {
        var address = BindingAddress.Parse(url);
        if (!string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase) || address.IsUnixPipe || address.IsNamedPipe)
        {
            throw new InvalidOperationException($"The broker's HTTP port takes plain http on a TCP port (loopback only); '{url}' is not one.");
        }
        return address.Port;
    }

    private static int ParsePort(string port) =>
        int.TryParse(port, out var number) && number is >= 0 and <= 65535
            ? number
            : throw new InvalidOperationException($"HTTP_PORTS names '{port}'; expected TCP port numbers.");
}
