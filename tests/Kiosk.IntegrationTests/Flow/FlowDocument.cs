using System.Text.RegularExpressions;

namespace Kiosk.IntegrationTests.Flow;

/// <summary>FLOW.md as the tests read it: the walkthrough, the endpoints it names and the topics it names.</summary>
public sealed partial class FlowDocument
{
    public const string FileName = "FLOW.md";
    private const string WalkthroughStart = "<!-- walkthrough:start -->";
    private const string WalkthroughEnd = "<!-- walkthrough:end -->";

    private FlowDocument(string text)
    {
        Text = text;
        Blocks = FencedBlock.ReadAll(text);
    }

    public string Text { get; }

    public IReadOnlyList<FencedBlock> Blocks { get; }

    public static FlowDocument Load() => new(File.ReadAllText(RepositoryFile(FileName)));

    /// <summary>A file of the repository, found by walking up from the test binaries to the solution's folder.</summary>
    public static string RepositoryFile(string relativePath)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Kiosk.sln")))
            {
                return Path.Combine(folder.FullName, relativePath);
            }
        }
        throw new FileNotFoundException($"No Kiosk.sln above {AppContext.BaseDirectory}, so {relativePath} cannot be found.");
    }

    /// <summary>The fenced blocks between the walkthrough markers, in order.</summary>
    public IReadOnlyList<FencedBlock> WalkthroughBlocks()
    {
        var lines = Text.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == WalkthroughStart) + 1;
        var end = Array.FindIndex(lines, l => l.Trim() == WalkthroughEnd) + 1;
        Assert.True(start > 0 && end > start, $"{FileName} must mark its walkthrough with {WalkthroughStart} … {WalkthroughEnd}.");
        return [.. Blocks.Where(b => b.Line > start && b.Line < end)];
    }

    /// <summary>Every "METHOD /api/…" in the text, query strings left off, e.g. ("GET", "/api/orders/{orderId}").</summary>
    public IReadOnlyList<(string Method, string Path)> EndpointMentions() =>
        [.. EndpointMention().Matches(Text)
            .Select(m => (m.Groups["method"].Value, m.Groups["path"].Value.Split('?')[0].TrimEnd('.', ':')))
            .Distinct()];

    /// <summary>The topics of the table whose header starts with "| Topic |", and every "X.DLT" anywhere.</summary>
    public IReadOnlySet<string> TopicMentions()
    {
        var topics = new HashSet<string>(StringComparer.Ordinal);
        var inTable = false;
        foreach (var line in Text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("| Topic |", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }
            if (!inTable || line.StartsWith("|---", StringComparison.Ordinal))
            {
                continue;
            }
            if (!line.StartsWith('|'))
            {
                inTable = false;
                continue;
            }
            topics.Add(line.Split('|', StringSplitOptions.TrimEntries)[1].Trim('`'));
        }
        topics.UnionWith(DeadLetterTopic().Matches(Text).Select(m => m.Value));
        return topics;
    }

    [GeneratedRegex(@"\b(?<method>GET|POST|PUT|PATCH|DELETE)\s+(?<path>/api/[^\s`'"",;|)\]]*)")]
    private static partial Regex EndpointMention();

    [GeneratedRegex(@"\b[A-Z][A-Z_]*\.DLT\b")]
    private static partial Regex DeadLetterTopic();
}
