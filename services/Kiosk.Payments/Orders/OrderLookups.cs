using System.Net;
using Polly;

namespace Kiosk.Payments.Orders;

/// <summary>One GET that answers Found (2xx), NotFound (404) or Unreachable (anything else failed).</summary>
internal static class OrderLookups
{
    public static async Task<OrderLookup> AskAsync(HttpClient http, string path, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(
                new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return OrderLookup.NotFound;
            }

            response.EnsureSuccessStatusCode();
            return OrderLookup.Found;
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException)
        {
            logger.LogWarning(ex, "Could not ask {Service} about {Path}", http.BaseAddress, path);
            return OrderLookup.Unreachable;
        }
    }
}
