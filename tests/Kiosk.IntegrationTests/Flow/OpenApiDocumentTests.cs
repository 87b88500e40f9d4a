using System.Diagnostics;
using Xunit.Abstractions;

namespace Kiosk.IntegrationTests.Flow;

/// <summary>The OpenAPI documents tell a client developer the truth: the staff key, examples, problem+json errors.</summary>
[Collection(KioskCollection.Name)]
public sealed class OpenApiDocumentTests(KioskAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_staff_key_is_required_exactly_where_the_documents_say()
    {
        var operations = await PublishedOperation.ReadAllAsync(fixture.Gateway);
        Assert.Contains(operations, o => o.IsStaffOnly);

        foreach (var operation in operations)
        {
            // No key and no body: a staff endpoint refuses before looking at anything else.
            var watch = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), SamplePath(operation));
            using var response = await fixture.Gateway.SendAsync(request);
            output.WriteLine($"{operation} without the key: {(int)response.StatusCode} ({watch.ElapsedMilliseconds} ms)");

            if (operation.IsStaffOnly)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{operation} is documented as staff-only but answered {(int)response.StatusCode} without the key.");
                Assert.NotNull(operation.Operation["responses"]?["401"]);
            }
            else
            {
                Assert.True(response.StatusCode != HttpStatusCode.Unauthorized, $"{operation} asks for the staff key, but its document does not say so.");
            }
        }
    }

    [Fact]
    public async Task Every_error_response_is_documented_as_problem_json()
    {
        foreach (var operation in await PublishedOperation.ReadAllAsync(fixture.Gateway))
        {
            foreach (var (status, response) in operation.Operation["responses"]!.AsObject())
            {
                if (status.StartsWith('4') || status.StartsWith('5'))
                {
                    Assert.True(response?["content"]?["application/problem+json"] is not null,
                        $"{operation}: the {status} response is not documented as application/problem+json.");
                }
            }
        }
    }

    [Fact]
    public async Task Every_schema_carries_an_example_and_money_is_a_decimal()
    {
        foreach (var (service, document) in await PublishedOperation.ReadDocumentsAsync(fixture.Gateway))
        {
            var schemas = document["components"]!["schemas"]!.AsObject();
            Assert.NotEmpty(schemas);
            foreach (var (name, schema) in schemas)
            {
                Assert.True(schema?["examples"] is JsonArray { Count: > 0 }, $"The {service} document's schema {name} has no example.");
                foreach (var (property, definition) in schema!["properties"]?.AsObject() ?? [])
                {
                    Assert.False(definition?["format"]?.GetValue<string>() is "double" or "float",
                        $"{service} {name}.{property} is documented as a floating-point number; money must be a decimal.");
                }
            }
        }
    }

    private static string SamplePath(PublishedOperation operation) =>
        operation.PathTemplate
            .Replace("{id}", "101", StringComparison.Ordinal)
            .Replace("{code}", "CHICKENJOY", StringComparison.Ordinal)
            .Replace("{cartId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{lineId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{orderId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{paymentId}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
}
