using System.Net.Sockets;
using System.Text;

namespace Kiosk.IntegrationTests.Security;

/// <summary>
/// What an anonymous caller at the kiosk side meets at the gateway: staff endpoints answer 401 before reading a body,
/// bodies are capped, and one address flooding cart creation is told to wait while another address is served.
/// </summary>
[Collection(KioskCollection.Name)]
public sealed class EdgeLimitsTests(KioskAppFixture fixture)
{
    [Fact]
    public async Task An_anonymous_staff_call_with_a_malformed_body_gets_401_not_a_400_describing_the_schema()
    {
        using var body = new StringContent("""{ "orderId": "not-a-guid", "amountPaid": "lots" }""", Encoding.UTF8, "application/json");

        using var response = await fixture.Gateway.PostAsync("/api/payments", body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Staff API key required", (string?)problem?["title"]);
        Assert.DoesNotContain("orderId", problem!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_staff_key_is_refused_like_a_missing_one()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders?status=PENDING_PAYMENT");
        request.Headers.Add("X-Api-Key", KioskAppFixture.StaffApiKeyForTests + "x");

        using var response = await fixture.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_cart_behind_an_order_is_a_staff_lookup_not_a_public_one()
    {
        var orderId = Guid.NewGuid();

        using var anonymous = await fixture.Gateway.GetAsync($"/api/carts/by-order/{orderId}");
        using var staff = fixture.CreateStaffClient();
        using var withKey = await staff.GetAsync($"/api/carts/by-order/{orderId}");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withKey.StatusCode);
    }

    [Fact]
    public async Task A_body_over_64_KB_is_refused_with_413_problem_before_it_is_read()
    {
        var cart = await CreateCartAsync(fixture.Gateway);
        var note = new string('x', 70 * 1024);
        using var body = new StringContent($$"""{ "menuItemId": 101, "quantity": 1, "note": "{{note}}" }""", Encoding.UTF8, "application/json");

        using var response = await fixture.Gateway.PostAsync($"/api/carts/{cart}/items", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("at most 65536", (string?)problem?["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_flooding_cart_creation_gets_429_with_Retry_After_while_another_address_is_served()
    {
        using var flooder = ClientFrom("127.0.0.2");
        using var neighbour = ClientFrom("127.0.0.3");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 40; i++)
        {
            answers.Add(await flooder.PostAsJsonAsync("/api/carts", new { }));
        }
        using var served = await neighbour.PostAsJsonAsync("/api/carts", new { });

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.Created) <= 12,
            $"{answers.Count(a => a.StatusCode == HttpStatusCode.Created)} carts were created in a burst of 40");
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 without Retry-After"));
        Assert.Equal("application/problem+json", refused[0].Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, served.StatusCode);
        answers.ForEach(a => a.Dispose());
    }

    private static async Task<Guid> CreateCartAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/api/carts", new { });
        response.EnsureSuccessStatusCode();
        var cart = await response.Content.ReadFromJsonAsync<JsonObject>();
        return Guid.Parse((string)cart!["cartId"]!);
    }

    /// <summary>A client whose connections leave from <paramref name="sourceAddress"/>: another kiosk, as far as the gateway can tell.</summary>
    private HttpClient ClientFrom(string sourceAddress) =>
        new(ConnectingFrom(sourceAddress), disposeHandler: true) { BaseAddress = fixture.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };

    private static SocketsHttpHandler ConnectingFrom(string sourceAddress) => new()
    {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
    };
}
