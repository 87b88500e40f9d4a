namespace Kiosk.IntegrationTests.Idempotency;

/// <summary>The OpenAPI documents tell a client developer which endpoints take an Idempotency-Key.</summary>
[Collection(KioskCollection.Name)]
public sealed class IdempotencyDocumentationTests(KioskAppFixture fixture)
{
    [Theory]
    [InlineData("payments", "/api/payments/", "201")]
    [InlineData("carts", "/api/carts/{cartId}/items", "200")]
    public async Task The_endpoint_documents_the_optional_Idempotency_Key_header_and_the_replay_marker(string service, string path, string success)
    {
        var document = (await fixture.Gateway.GetFromJsonAsync<JsonObject>($"/api/{service}/openapi/v1.json"))!;
        var operation = document["paths"]!.AsObject()
            .Single(p => p.Key.TrimEnd('/') == path.TrimEnd('/')).Value!["post"]!;

        var header = operation["parameters"]!.AsArray()
            .SingleOrDefault(p => p!["name"]!.GetValue<string>() == "Idempotency-Key" && p["in"]!.GetValue<string>() == "header");
        Assert.NotNull(header);
        Assert.False(header!["required"]?.GetValue<bool>() ?? false, "The key is optional: a request without it behaves as before.");
        Assert.Equal(200, header["schema"]!["maxLength"]!.GetValue<int>());
        Assert.NotNull(operation["responses"]![success]!["headers"]?["Idempotency-Replayed"]);
        Assert.NotNull(operation["responses"]!["422"]);
    }

    [Fact]
    public async Task Endpoints_without_the_mechanism_do_not_claim_it()
    {
        var document = (await fixture.Gateway.GetFromJsonAsync<JsonObject>("/api/carts/openapi/v1.json"))!;
        var checkout = document["paths"]!["/api/carts/{cartId}/checkout"]!["post"]!;

        Assert.DoesNotContain(checkout["parameters"]?.AsArray() ?? [], p => p!["name"]!.GetValue<string>() == "Idempotency-Key");
    }
}
