using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Kiosk.IntegrationTests;

/// <summary>
/// Crew sign-in over plain HTTP, as the sign-in page's form posts it: the crew member's number from the page's list, the
/// PIN and the page's antiforgery token. The client keeps its own cookies, so after a successful sign-in
/// <see cref="Http"/> (or <see cref="Cookies"/> in another client) is that crew member.
/// </summary>
public sealed partial class CrewSignIn : IDisposable
{
    /// <param name="baseAddress">The gateway, or the web app's own port.</param>
    /// <param name="localAddress">A loopback address to connect from (each one is its own client to the lockout), or null for the default.</param>
    public CrewSignIn(Uri baseAddress, string? localAddress = null)
    {
#pragma warning disable CA2000 // the client owns and disposes the handler
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies };
#pragma warning restore CA2000
        if (localAddress is not null)
        {
            handler.ConnectCallback = (context, ct) => ConnectFromAsync(IPAddress.Parse(localAddress), context.DnsEndPoint.Port, ct);
        }
        Http = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public CookieContainer Cookies { get; } = new();

    /// <summary>This client, with whatever crew cookie it holds; redirects are not followed, so a sign-in prompt shows as a 302.</summary>
    public HttpClient Http { get; }

    /// <summary>A crew cookie for <paramref name="crew"/>, signed in through <paramref name="baseAddress"/>.</summary>
    public static async Task<CookieContainer> CookiesForAsync(Uri baseAddress, CrewLogin crew)
    {
        using var signIn = new CrewSignIn(baseAddress);
        await signIn.SignInAsync(crew);
        return signIn.Cookies;
    }

    /// <summary>Signs <paramref name="crew"/> in and checks the page sent them on (a redirect), not back to the form.</summary>
    public async Task SignInAsync(CrewLogin crew)
    {
        var (status, body) = await PostAsync(await CrewIdAsync(crew.Name), crew.Pin);
        Assert.True(status == HttpStatusCode.Redirect, $"Signing in {crew.Name} answered {(int)status}, not a redirect: {body}");
    }

    /// <summary>The number the sign-in page lists <paramref name="name"/> under.</summary>
    public async Task<int> CrewIdAsync(string name)
    {
        var page = await Http.GetStringAsync("/staff/signin");
        var match = CrewOption().Matches(page).FirstOrDefault(m => WebUtility.HtmlDecode(m.Groups["name"].Value) == name);
        Assert.True(match is not null, $"{name} is not on the sign-in list.");
        return int.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Posts the sign-in form once; answers the status and the page (a redirect on success).</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(int crewId, string pin, string? forwardedFor = null)
    {
        var page = await Http.GetStringAsync("/staff/signin");
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, "The sign-in page has no antiforgery token.");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/staff/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["CrewId"] = crewId.ToString(CultureInfo.InvariantCulture),
                ["Pin"] = pin,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => Http.Dispose();

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress local, int port, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(local, 0));
            await socket.ConnectAsync(IPAddress.Loopback, port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    [GeneratedRegex("""<option value="(?<id>\d+)"[^>]*>(?<name>.+?) \(#\d+\)</option>""")]
    private static partial Regex CrewOption();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
