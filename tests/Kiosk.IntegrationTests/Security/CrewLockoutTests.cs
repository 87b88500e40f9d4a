using System.Net.Sockets;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;

namespace Kiosk.IntegrationTests.Security;

/// <summary>
/// The sign-in lockouts against someone who reaches the web app's own port (not through the gateway) and forges
/// X-Forwarded-For: the app trusts that header only from the gateway's address, so the guesser stays one address; and a
/// crew account locks after its wrong PINs whichever addresses they came from. Each guesser connects from its own
/// loopback address, so this suite's browsers (127.0.0.1) are never locked out.
/// </summary>
[Collection(KioskCollection.Name)]
public sealed partial class CrewLockoutTests(KioskAppFixture app)
{
    private const int AllowedWrongPins = 5; // Kiosk:Web:SignInAttempts and AccountSignInAttempts, left at their defaults

    [Fact]
    public async Task Forged_forwarded_addresses_sent_straight_to_the_web_app_do_not_escape_the_address_lockout()
    {
        using var guesser = new DirectSignIn(app.App.GetEndpoint("web", "http"), "127.0.0.5");
        var cashierId = await guesser.CrewIdAsync(app.Cashier.Name);

        for (var attempt = 1; attempt < AllowedWrongPins; attempt++)
        {
            var (status, body) = await guesser.SignInAsync(999_999, "0000", forwardedFor: $"192.0.2.{attempt}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("That PIN is not right", body, StringComparison.Ordinal);
        }
        var (lockedStatus, lockedBody) = await guesser.SignInAsync(999_999, "0000", forwardedFor: "192.0.2.99");
        Assert.Equal(HttpStatusCode.TooManyRequests, lockedStatus);
        Assert.Contains("Too many wrong PINs", lockedBody, StringComparison.Ordinal);

        // A new made-up address and even a real crew member's right PIN: still the same locked-out peer.
        var (status2, body2) = await guesser.SignInAsync(cashierId, app.Cashier.Pin, forwardedFor: "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, status2);
        Assert.Contains("Too many wrong PINs", body2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crew_account_locks_after_its_wrong_pins_whichever_addresses_they_came_from()
    {
        var web = app.App.GetEndpoint("web", "http");
        int targetId;
        using (var first = new DirectSignIn(web, "127.0.0.30"))
        {
            targetId = await first.CrewIdAsync(KioskAppFixture.LockoutTargetForTests.Name);
        }

        for (var attempt = 1; attempt <= AllowedWrongPins; attempt++)
        {
            using var guesser = new DirectSignIn(web, $"127.0.0.{30 + attempt}");
            var (status, body) = await guesser.SignInAsync(targetId, $"99{attempt}99", forwardedFor: $"198.51.100.{attempt}");
            if (attempt < AllowedWrongPins)
            {
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Contains("That PIN is not right", body, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, status);
                Assert.Contains("This crew account is locked", body, StringComparison.Ordinal);
            }
        }

        // From yet another address, with the right PIN: the account waits out its lockout.
        using var owner = new DirectSignIn(web, "127.0.0.50");
        var (ownerStatus, ownerBody) = await owner.SignInAsync(targetId, KioskAppFixture.LockoutTargetForTests.Pin, forwardedFor: null);
        Assert.Equal(HttpStatusCode.TooManyRequests, ownerStatus);
        Assert.Contains("This crew account is locked", ownerBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_pin_straight_at_the_web_app_signs_in()
    {
        using var crew = new DirectSignIn(app.App.GetEndpoint("web", "http"), "127.0.0.60");
        var (status, _) = await crew.SignInAsync(await crew.CrewIdAsync(app.Kitchen.Name), app.Kitchen.Pin, forwardedFor: "192.0.2.1");

        Assert.Equal(HttpStatusCode.Redirect, status);
    }

    /// <summary>A client of the web app's own port, connecting from <paramref name="localAddress"/>, with its own cookies.</summary>
    private sealed partial class DirectSignIn : IDisposable
    {
        private readonly HttpClient _http;

        public DirectSignIn(Uri web, string localAddress)
        {
            var local = IPAddress.Parse(localAddress);
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
            _http = new HttpClient(handler, disposeHandler: true) { BaseAddress = web, Timeout = TimeSpan.FromSeconds(30) };
        }

        public async Task<int> CrewIdAsync(string name)
        {
            var page = await _http.GetStringAsync("/staff/signin");
            var match = CrewOption().Matches(page).FirstOrDefault(m => WebUtility.HtmlDecode(m.Groups["name"].Value) == name)
                ?? throw new InvalidOperationException($"{name} is not on the sign-in list.");
            return int.Parse(match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        public async Task<(HttpStatusCode Status, string Body)> SignInAsync(int crewId, string pin, string? forwardedFor)
        {
            var page = await _http.GetStringAsync("/staff/signin");
            var token = AntiforgeryToken().Match(page).Groups[1].Value;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/staff/signin")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["CrewId"] = crewId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Pin"] = pin,
                    ["__RequestVerificationToken"] = token,
                }),
            };
            if (forwardedFor is not null)
            {
                request.Headers.Add("X-Forwarded-For", forwardedFor);
            }
            using var response = await _http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public void Dispose() => _http.Dispose();

        [GeneratedRegex("""<option value="(?<id>\d+)"[^>]*>(?<name>.+?) \(#\d+\)</option>""")]
        private static partial Regex CrewOption();

        [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)" """)]
        private static partial Regex AntiforgeryToken();
    }
}
