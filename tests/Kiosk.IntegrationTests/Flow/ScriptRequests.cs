using System.Text;
using System.Text.RegularExpressions;

namespace Kiosk.IntegrationTests.Flow;

/// <summary>
/// Reads the requests out of the other notations FLOW.md offers — curl commands and the REST Client file — as
/// <see cref="DocumentedRequest.Signature"/>s, ids written as <c>{name}</c> placeholders like the walkthrough's.
/// </summary>
public static partial class ScriptRequests
{
    /// <summary>Every curl command in a shell script: <c>$CART_ID</c> becomes <c>{cartId}</c>, the base address is dropped.</summary>
    public static IReadOnlyList<string> FromCurl(string script)
    {
        var signatures = new List<string>();
        foreach (var line in script.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            foreach (Match curl in CurlWord().Matches(line))
            {
                signatures.Add(FromCurlWords(ShellWords(line[(curl.Index + curl.Length)..])));
            }
        }
        return signatures;
    }

    private static string FromCurlWords(IReadOnlyList<string> words)
    {
        string? method = null, url = null, body = null;
        for (var i = 0; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-X":
                    method = words[++i];
                    break;
                case "-d" or "--data":
                    body = words[++i];
                    break;
                case "-H" or "-o" or "-w":
                    i++;
                    break;
                default:
                    if (words[i].Contains("/api/", StringComparison.Ordinal))
                    {
                        url = words[i];
                    }
                    break;
            }
        }
        if (url is null)
        {
            throw new FormatException($"A curl command without an /api/ address: curl {string.Join(' ', words)}");
        }
        var request = new DocumentedRequest(
            method ?? (body is null ? "GET" : "POST"), ShellVariables(url[url.IndexOf("/api/", StringComparison.Ordinal)..]),
            [], body is null ? null : ShellVariables(body), false, 0);
        return request.Signature;
    }

    /// <summary>Every request of a REST Client (.http) file: <c>{{cart.response.body.$.cartId}}</c> becomes <c>{cartId}</c>.</summary>
    public static IReadOnlyList<string> FromHttpFile(string text)
    {
        var signatures = new List<string>();
        foreach (var chunk in Regex.Split(text.ReplaceLineEndings("\n"), "^###.*$", RegexOptions.Multiline))
        {
            var lines = chunk.Split('\n').SkipWhile(l => l.Trim().Length == 0 || l.TrimStart().StartsWith('#') || l.TrimStart().StartsWith('@'));
            var request = string.Join('\n', lines).Trim();
            if (request.Length == 0)
            {
                continue;
            }
            request = HttpFileVariable().Replace(request.Replace("{{base}}", "", StringComparison.Ordinal), "{${name}}");
            signatures.Add(DocumentedRequest.Parse(new FencedBlock("http", request, 0)).Signature);
        }
        return signatures;
    }

    private static string ShellVariables(string text) =>
        ShellVariable().Replace(text, m =>
        {
            var parts = m.Groups["name"].Value.ToLowerInvariant().Split('_');
            return "{" + parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..])) + "}";
        });

    /// <summary>Splits shell words up to the end of the command (a pipe, redirection, ';' or ')'), removing quotes.</summary>
    private static List<string> ShellWords(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                var end = text.IndexOf('\'', i + 1);
                word.Append(text, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == '"')
            {
                for (i++; text[i] != '"'; i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$')
                    {
                        i++;
                    }
                    word.Append(text[i]);
                }
                inWord = true;
            }
            else if (char.IsWhiteSpace(c) || c is '|' or ';' or '>' or '<' or ')' or '&')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
                if (!char.IsWhiteSpace(c))
                {
                    return words;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    [GeneratedRegex(@"(?<![\w-])curl(?=\s)")]
    private static partial Regex CurlWord();

    [GeneratedRegex(@"\$(?<name>[A-Z][A-Z0-9_]*)")]
    private static partial Regex ShellVariable();

    [GeneratedRegex(@"\{\{[^}]*\.(?<name>[A-Za-z][A-Za-z0-9]*)\}\}")]
    private static partial Regex HttpFileVariable();
}
