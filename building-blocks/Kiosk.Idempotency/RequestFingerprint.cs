using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiosk.Idempotency;

/// <summary>
/// A hash of what a request asks for — method, route and body — so a key sent again with another request is recognised.
/// The body is hashed in a canonical form: no whitespace, object members sorted by name, so formatting never counts.
/// </summary>
public static class RequestFingerprint
{
    /// <returns>The SHA-256 of the request as 64 lower-case hex digits.</returns>
    public static string Compute(string method, string route, ReadOnlySpan<byte> canonicalBody)
    {
        var head = Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()}\n{route}\n");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(head);
        hash.AppendData(canonicalBody);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The request body as the endpoint read it (null for no body), in canonical JSON.</summary>
    public static byte[] CanonicalBody(object? body, JsonSerializerOptions options) =>
        Canonical(body is null ? null : JsonSerializer.SerializeToNode(body, body.GetType(), options));

    /// <summary>Raw JSON in canonical form; text that is not JSON is kept as it is.</summary>
    public static byte[] CanonicalJson(ReadOnlySpan<byte> json)
    {
        try
        {
            return Canonical(JsonNode.Parse(json));
        }
        catch (JsonException)
        {
            return json.ToArray();
        }
    }

    private static byte[] Canonical(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }
        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(member => member.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var element in array)
                {
                    Write(writer, element);
                }
                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                // Numbers keep their digits as sent: 300.00 and 300 are two different bodies.
                node.WriteTo(writer);
                break;
        }
    }
}
