namespace Kiosk.IntegrationTests.Flow;

/// <summary>
/// The curl script in FLOW.md and docs/kiosk.http make only requests the walkthrough documents (and so are run by
/// <see cref="FlowWalkthroughTests"/>): if the walkthrough changes, these fail until the other notations follow.
/// </summary>
public sealed class FlowNotationsTests
{
    private readonly FlowDocument _flow = FlowDocument.Load();

    [Fact]
    public void The_walkthrough_pairs_every_request_with_its_response_and_shows_the_three_events()
    {
        var steps = Walkthrough.Read(_flow);

        Assert.True(steps.OfType<ExchangeStep>().Count() >= 10, "The walkthrough should show the whole flow, request by request.");
        Assert.Equal(
            Kiosk.Contracts.Topics.All.Order(StringComparer.Ordinal),
            steps.OfType<EventStep>().Select(e => e.Topic).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_curl_command_in_FLOW_md_is_a_walkthrough_request()
    {
        var curl = _flow.Blocks.Where(b => b.Info == "sh").SelectMany(b => ScriptRequests.FromCurl(b.Content)).ToList();

        Assert.True(curl.Count >= 8, $"FLOW.md should show the happy path with curl; found {curl.Count} curl commands.");
        AssertAllDocumented(curl, "FLOW.md's curl commands");
    }

    [Fact]
    public void Every_request_in_docs_kiosk_http_is_a_walkthrough_request()
    {
        var requests = ScriptRequests.FromHttpFile(File.ReadAllText(FlowDocument.RepositoryFile(Path.Combine("docs", "kiosk.http"))));

        Assert.True(requests.Count >= 8, $"docs/kiosk.http should show the happy path; found {requests.Count} requests.");
        AssertAllDocumented(requests, "docs/kiosk.http");
    }

    private void AssertAllDocumented(IReadOnlyList<string> requests, string where)
    {
        var walkthrough = Walkthrough.Read(_flow).OfType<ExchangeStep>().Select(e => e.Request.Signature).ToHashSet();
        var undocumented = requests.Where(r => !walkthrough.Contains(r)).ToList();
        Assert.True(undocumented.Count == 0,
            $"{where} make requests the walkthrough does not show (method, path and body must be the same):\n  "
            + string.Join("\n  ", undocumented));
    }
}
