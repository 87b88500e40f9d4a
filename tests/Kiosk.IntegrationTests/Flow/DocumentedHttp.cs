namespace Kiosk.IntegrationTests.Flow;

/// <summary>A request as FLOW.md writes it: <c>METHOD path</c>, headers, comment lines (<c># …</c>), a blank line, the body.</summary>
public sealed record DocumentedRequest(
    string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body, bool Repeat, int Line)
{
    public static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static bool IsRequest(FencedBlock block) =>
        block.Info == "http" && Methods.Any(m => block.Content.StartsWith(m + " ", StringComparison.Ordinal));

    public static DocumentedRequest Parse(FencedBlock block)
    {
        var (firstLine, headers, comments, body) = HttpText.Split(block.Content);
        var parts = firstLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !Methods.Contains(parts[0]))
        {
            throw new FormatException($"FLOW.md line {block.Line}: '{firstLine}' is not 'METHOD /path'.");
        }
        var repeat = comments.Any(c => c.StartsWith("Repeat", StringComparison.OrdinalIgnoreCase));
        return new DocumentedRequest(parts[0], parts[1], headers, body, repeat, block.Line);
    }

    /// <summary>What identifies the request whatever the notation: method, path and body with <c>{name}</c> placeholders.</summary>
    public string Signature => $"{Method} {Path} {HttpText.CanonicalJson(Body)}";

    public override string ToString() => $"{Method} {Path} (FLOW.md line {Line})";
}

/// <summary>A response as FLOW.md writes it: the status line, some headers, a blank line, the JSON body.</summary>
public sealed record DocumentedResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, JsonNode? Body, int Line)
{
    public static bool IsResponse(FencedBlock block) =>
        block.Info == "http" && block.Content.StartsWith("HTTP/", StringComparison.Ordinal);

    public static DocumentedResponse Parse(FencedBlock block)
    {
        var (statusLine, headers, _, body) = HttpText.Split(block.Content);
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !int.TryParse(parts[1], out var status))
        {
            throw new FormatException($"FLOW.md line {block.Line}: '{statusLine}' is not a status line such as 'HTTP/1.1 200 OK'.");
        }
        return new DocumentedResponse(status, headers, body is null ? null : JsonNode.Parse(body), block.Line);
    }
}

/// <summary>The plain-text shape of an HTTP message.</summary>
public static class HttpText
{
    public static (string FirstLine, List<KeyValuePair<string, string>> Headers, List<string> Comments, string? Body) Split(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var headers = new List<KeyValuePair<string, string>>();
        var comments = new List<string>();
        var i = 1;
        for (; i < lines.Length && lines[i].Trim().Length > 0; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('#'))
            {
                comments.Add(line.TrimStart('#').Trim());
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"'{line}' is not a header line ('Name: value').");
            }
            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        var body = string.Join('\n', lines.Skip(i + 1)).Trim();
        return (lines[0].Trim(), headers, comments, body.Length == 0 ? null : body);
    }

    /// <summary>JSON without formatting differences, so two notations of one body compare equal.</summary>
    public static string CanonicalJson(string? json) => json is null ? "" : JsonNode.Parse(json)!.ToJsonString();
}
