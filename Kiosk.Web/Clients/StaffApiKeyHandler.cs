using Kiosk.ServiceDefaults.Http;

namespace Kiosk.Web.Clients;

/// <summary>Adds the staff API key to calls this server makes; the key stays on the server and never reaches a browser.</summary>
public sealed class StaffApiKeyHandler(IConfiguration configuration) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = configuration[StaffApiKey.ConfigurationKey];
        if (!string.IsNullOrEmpty(key))
        {
            request.Headers.Remove(StaffApiKey.HeaderName);
            request.Headers.Add(StaffApiKey.HeaderName, key);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
