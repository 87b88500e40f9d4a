namespace Kiosk.IntegrationTests.Flow;

/// <summary>FLOW.md and the running system name the same endpoints and the same topics.</summary>
[Collection(KioskCollection.Name)]
public sealed class FlowCatalogueTests(KioskAppFixture fixture)
{
    private readonly FlowDocument _flow = FlowDocument.Load();

    [Fact]
    public async Task Every_endpoint_FLOW_md_names_exists_in_the_OpenAPI_documents()
    {
        var operations = await PublishedOperation.ReadAllAsync(fixture.Gateway);
        var mentions = _flow.EndpointMentions();
        Assert.NotEmpty(mentions);

        var unknown = mentions.Where(m => !operations.Any(o => o.Matches(m.Method, m.Path))).ToList();
        Assert.True(unknown.Count == 0,
            "FLOW.md names endpoints that no OpenAPI document has: " + string.Join(", ", unknown.Select(m => $"{m.Method} {m.Path}")));
    }

    [Fact]
    public async Task Every_public_endpoint_in_the_OpenAPI_documents_is_in_FLOW_md()
    {
        var operations = await PublishedOperation.ReadAllAsync(fixture.Gateway);
        Assert.True(operations.Count >= 15, $"Expected the four services' endpoints, found {operations.Count}.");
        var documented = _flow.EndpointMentions().Select(m => (m.Method, PublishedOperation.Shape(m.Path))).ToHashSet();

        var missing = operations.Where(o => !documented.Contains((o.Method, PublishedOperation.Shape(o.PathTemplate)))).ToList();
        Assert.True(missing.Count == 0,
            "FLOW.md does not mention these endpoints as 'METHOD /path/{parameter}': " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_topic_FLOW_md_names_exists_on_the_broker_and_every_contract_topic_is_named()
    {
        using var control = new HttpClient { BaseAddress = fixture.KafkaControlUrl };
        var onBroker = (await control.GetFromJsonAsync<string[]>("/topics"))!;
        var named = _flow.TopicMentions();

        Assert.True(named.Count > 0, "FLOW.md should list its topics in a table whose header starts with '| Topic |'.");
        var notOnBroker = named.Except(onBroker).ToList();
        Assert.True(notOnBroker.Count == 0, $"FLOW.md names topics the broker does not have: {string.Join(", ", notOnBroker)}");
        var unnamed = Kiosk.Contracts.Topics.AllWithDeadLetters.Except(named).ToList();
        Assert.True(unnamed.Count == 0, $"FLOW.md does not name these topics of Kiosk.Contracts.Topics: {string.Join(", ", unnamed)}");
    }
}
