using System.Text.RegularExpressions;

namespace Kiosk.IntegrationTests.Flow;

/// <summary>One operation of a service's OpenAPI document, as published through the gateway.</summary>
public sealed partial record PublishedOperation(string Service, string Method, string PathTemplate, JsonObject Operation)
{
    public static readonly string[] Services = ["menu", "carts", "orders", "payments"];

    public static async Task<List<PublishedOperation>> ReadAllAsync(HttpClient gateway)
    {
        var operations = new List<PublishedOperation>();
        foreach (var service in Services)
        {
            var document = (await gateway.GetFromJsonAsync<JsonObject>($"/api/{service}/openapi/v1.json"))!;
            foreach (var (path, item) in document["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject())
                {
                    operations.Add(new PublishedOperation(service, method.ToUpperInvariant(), path, operation!.AsObject()));
                }
            }
        }
        return operations;
    }

    public static async Task<Dictionary<string, JsonObject>> ReadDocumentsAsync(HttpClient gateway)
    {
        var documents = new Dictionary<string, JsonObject>();
        foreach (var service in Services)
        {
            documents[service] = (await gateway.GetFromJsonAsync<JsonObject>($"/api/{service}/openapi/v1.json"))!;
        }
        return documents;
    }

    public bool IsStaffOnly => Operation["security"] is JsonArray { Count: > 0 };

    /// <summary>Whether a concrete or templated path (e.g. <c>/api/menu/categories/CHICKENJOY/items</c>) is this operation's.</summary>
    public bool Matches(string method, string path) =>
        method == Method
        && Regex.IsMatch(path, "^" + string.Join("[^/]+", Parameter().Split(PathTemplate).Select(Regex.Escape)) + "$");

    /// <summary>The template with parameter names left out, so <c>{id}</c> and <c>{itemId}</c> compare equal.</summary>
    public static string Shape(string path) => Parameter().Replace(path, "{}");

    public override string ToString() => $"{Method} {PathTemplate} ({Service})";

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
