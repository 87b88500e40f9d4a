namespace Kiosk.Web.Crew;

/// <summary>The client's address as this app sees it: behind the trusted gateway the forwarded one, otherwise the peer.</summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        { } address => address.ToString(),
        null => "unknown",
    };
}
