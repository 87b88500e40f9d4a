using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Kiosk.IntegrationTests.Security;

/// <summary>
/// A browser-less crew client: fetches a staff form (for its antiforgery token and cookie), posts it, and keeps its
/// cookies. Its connections leave from <c>sourceAddress</c>, so the web app sees it as its own client address.
/// </summary>
public sealed partial class StaffForms : IDisposable
{
    private readonly HttpClient _http;

    public StaffForms(Uri baseAddress, string sourceAddress)
    {
        var local = IPAddress.Parse(sourceAddress);
#pragma warning disable CA2000 // the client owns and disposes the handler
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
#pragma warning restore CA2000
        _http = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens <paramref name="path"/> for its form's antiforgery token (and cookie).</summary>
    public async Task<string> FormTokenAsync(string path)
    {
        var page = await _http.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{path} has no antiforgery token.");
        return token.Groups[1].Value;
    }

    /// <summary>
    /// Posts the form of <paramref name="path"/> with <paramref name="fields"/> (opening it first unless a token from an
    /// earlier visit is given); the answer and any Retry-After.
    /// </summary>
    public async Task<FormAnswer> PostAsync(string path, IReadOnlyDictionary<string, string> fields, string? token = null)
    {
        token ??= await FormTokenAsync(path);
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content);
        return new FormAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(),
            response.Headers.Location?.OriginalString, response.Headers.RetryAfter?.Delta);
    }

    public Task<FormAnswer> SignInAsync(int crewId, string pin) => PostAsync("/staff/signin", new Dictionary<string, string>
    {
        ["CrewId"] = crewId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Pin"] = pin,
    });

    public Task<FormAnswer> SetUpAsync(string code, string name, string pin, string? token = null) => PostAsync("/staff/setup", new Dictionary<string, string>
    {
        ["Code"] = code,
        ["DisplayName"] = name,
        ["Pin"] = pin,
        ["PinAgain"] = pin,
    }, token);

    /// <summary>The crew members the sign-in list offers, by name.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CrewOnSignInListAsync()
    {
        var page = await _http.GetStringAsync(new Uri("/staff/signin", UriKind.Relative));
        return CrewOption().Matches(page).ToDictionary(
            m => WebUtility.HtmlDecode(m.Groups["name"].Value),
            m => int.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("""<option value="(?<id>\d+)"[^>]*>(?<name>.+?) \(#\d+\)</option>""")]
    private static partial Regex CrewOption();

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)" """)]
    private static partial Regex AntiforgeryToken();
}

/// <summary>What a form post answered: status, page, redirect target and Retry-After.</summary>
public sealed record FormAnswer(HttpStatusCode Status, string Body, string? Location, TimeSpan? RetryAfter);
