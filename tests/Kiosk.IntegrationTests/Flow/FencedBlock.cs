namespace Kiosk.IntegrationTests.Flow;

/// <summary>One fenced code block of a Markdown file: its info string (e.g. <c>http</c>), its text and where it starts.</summary>
public sealed record FencedBlock(string Info, string Content, int Line)
{
    private const string Fence = "```";

    public static IReadOnlyList<FencedBlock> ReadAll(string markdown)
    {
        var blocks = new List<FencedBlock>();
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith(Fence, StringComparison.Ordinal))
            {
                continue;
            }

            var start = i;
            var info = lines[i][Fence.Length..].Trim();
            var content = new List<string>();
            for (i++; i < lines.Length && lines[i].TrimEnd() != Fence; i++)
            {
                content.Add(lines[i]);
            }
            if (i == lines.Length)
            {
                throw new FormatException($"The code block opened at line {start + 1} is never closed.");
            }
            blocks.Add(new FencedBlock(info, string.Join('\n', content), start + 1));
        }
        return blocks;
    }
}
