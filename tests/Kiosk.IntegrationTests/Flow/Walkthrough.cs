using System.Text.RegularExpressions;

namespace Kiosk.IntegrationTests.Flow;

public abstract record WalkthroughStep(int Line);

/// <summary>A documented request and the response documented right after it.</summary>
public sealed record ExchangeStep(DocumentedRequest Request, DocumentedResponse Response) : WalkthroughStep(Request.Line);

/// <summary>A <c>kcat … -t TOPIC</c> block and the event payload documented after it (keyed by the order id).</summary>
public sealed record EventStep(string Topic, JsonNode Payload, int Line) : WalkthroughStep(Line);

/// <summary>The walkthrough of FLOW.md as a list of steps, in document order.</summary>
public static partial class Walkthrough
{
    public static IReadOnlyList<WalkthroughStep> Read(FlowDocument document)
    {
        var blocks = document.WalkthroughBlocks();
        var steps = new List<WalkthroughStep>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (DocumentedRequest.IsRequest(block))
            {
                if (i + 1 == blocks.Count || !DocumentedResponse.IsResponse(blocks[i + 1]))
                {
                    throw new FormatException($"FLOW.md line {block.Line}: a request must be followed by its response (an http block starting 'HTTP/1.1').");
                }
                steps.Add(new ExchangeStep(DocumentedRequest.Parse(block), DocumentedResponse.Parse(blocks[++i])));
            }
            else if (block.Info == "sh" && KcatTopic().Match(block.Content) is { Success: true } kcat)
            {
                if (i + 1 == blocks.Count || blocks[i + 1].Info != "json")
                {
                    throw new FormatException($"FLOW.md line {block.Line}: a kcat command must be followed by the event (a json block).");
                }
                steps.Add(new EventStep(kcat.Groups["topic"].Value, JsonNode.Parse(blocks[++i].Content)!, block.Line));
            }
        }
        return steps;
    }

    [GeneratedRegex(@"\bkcat\b.*\s-t\s+(?<topic>[A-Z_.]+)")]
    private static partial Regex KcatTopic();
}
