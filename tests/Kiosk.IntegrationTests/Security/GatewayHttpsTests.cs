using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Kiosk.IntegrationTests.Security;

/// <summary>With a certificate configured the gateway serves HTTPS beside HTTP, and its HTTPS answers carry HSTS.</summary>
[Collection(EdgeCollection.Name)]
public sealed class GatewayHttpsTests(EdgeFixture fixture)
{
    [Fact]
    public async Task The_gateway_answers_over_https_with_strict_transport_security()
    {
        using var client = HttpsClient();
        await Eventually.TrueAsync(HttpsPortAcceptsAsync, TimeSpan.FromSeconds(15),
            $"the gateway's HTTPS port {fixture.GatewayHttpsUrl.Port} to accept connections");

        using var response = await client.GetAsync("/api/menu/categories");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "HTTPS answers carry HSTS");
        Assert.Equal($"max-age={EdgeFixture.HstsMaxAgeSeconds}", Assert.Single(hsts));
        Assert.NotEmpty((await response.Content.ReadFromJsonAsync<JsonArray>())!);
    }

    [Fact]
    public async Task Plain_http_still_works_and_carries_no_hsts()
    {
        using var response = await fixture.Gateway.GetAsync("/api/menu/categories");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS is only for HTTPS answers");
    }

    private async Task<bool> HttpsPortAcceptsAsync()
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, fixture.GatewayHttpsUrl.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reaches the gateway's HTTPS port under the certificate's host name (HSTS is never sent to "localhost"), trusting
    /// exactly the fixture's certificate.
    /// </summary>
    private HttpClient HttpsClient()
    {
        var port = fixture.GatewayHttpsUrl.Port;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == fixture.CertificateThumbprint,
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"https://{EdgeFixture.HostName}:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }
}
