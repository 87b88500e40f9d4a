using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.ServiceDefaults.Http;

/// <summary>
/// Takes the client's address and scheme from <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> only when the request
/// comes straight from a trusted proxy: <c>Kiosk:TrustedProxies</c>, a list of addresses (<c>127.0.0.9</c>) or networks
/// (<c>10.0.0.0/24</c>), i.e. the gateway. Anyone else's forwarded headers are ignored, so a caller who reaches an app's
/// own port cannot claim another address. Nothing configured means nothing is trusted (ASP.NET Core's default would
/// trust every loopback peer).
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string ConfigurationKey = "Kiosk:TrustedProxies";

    public static IServiceCollection AddTrustedForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var trusted = configuration.GetSection(ConfigurationKey).Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options => Configure(options, trusted));
        services.AddSingleton<IStartupFilter, ForwardedHeadersFilter>();
        return services;
    }

    /// <summary>Only <paramref name="trusted"/> may forward; one hop (the gateway) is read.</summary>
    public static void Configure(ForwardedHeadersOptions options, IEnumerable<string> trusted)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        options.ForwardLimit = 1;
        foreach (var entry in trusted.Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            if (entry.Contains('/', StringComparison.Ordinal))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            }
            else
            {
                options.KnownProxies.Add(IPAddress.Parse(entry));
            }
        }
    }

    // First in the pipeline, as ASPNETCORE_FORWARDEDHEADERS_ENABLED would place it: every later part sees the client.
    private sealed class ForwardedHeadersFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}
