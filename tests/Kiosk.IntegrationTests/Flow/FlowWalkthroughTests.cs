using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Kiosk.IntegrationTests.Flow;

/// <summary>
/// Runs the walkthrough of FLOW.md, as written, against the real system: every documented request is sent through the
/// gateway and must answer the documented status, headers and fields; every documented event must be on its topic.
/// Change the walkthrough and this test follows it.
/// </summary>
[Collection(KioskCollection.Name)]
public sealed partial class FlowWalkthroughTests(KioskAppFixture fixture, ITestOutputHelper output)
{
    private const string DocumentedStaffKey = "kiosk-dev-staff-key";
    private static readonly TimeSpan RepeatInterval = TimeSpan.FromMilliseconds(500);

    private readonly Dictionary<string, string> _variables = [];
    private readonly Identities _identities = new();

    [Fact]
    public async Task The_walkthrough_in_FLOW_md_answers_as_documented()
    {
        var steps = Walkthrough.Read(FlowDocument.Load());
        Assert.True(steps.OfType<ExchangeStep>().Count() >= 10, "The walkthrough should show the whole flow, request by request.");

        foreach (var step in steps)
        {
            var watch = Stopwatch.StartNew();
            switch (step)
            {
                case ExchangeStep exchange:
                    await RunAsync(exchange);
                    output.WriteLine($"{exchange.Request}: {exchange.Response.Status} as documented ({watch.ElapsedMilliseconds} ms)");
                    break;
                case EventStep @event:
                    await CheckEventAsync(@event);
                    output.WriteLine($"{@event.Topic} (FLOW.md line {@event.Line}): as documented ({watch.ElapsedMilliseconds} ms)");
                    break;
            }
        }
    }

    private async Task RunAsync(ExchangeStep exchange)
    {
        var deadline = DateTime.UtcNow + KioskClient.Patience;
        while (true)
        {
            using var request = Build(exchange.Request);
            using var response = await fixture.Gateway.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            var trial = _identities.Copy();
            var problems = Check(exchange.Response, response, body, trial);
            if (problems.Count == 0)
            {
                _identities.Adopt(trial);
                Remember(body);
                return;
            }

            if (!exchange.Request.Repeat || DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{exchange.Request} did not answer as documented at FLOW.md line {exchange.Response.Line}"
                    + (exchange.Request.Repeat ? $" within {KioskClient.Patience.TotalSeconds:0} s" : "") + ":\n  "
                    + string.Join("\n  ", problems) + $"\nIt answered {(int)response.StatusCode}: {body}");
            }
            var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
            await Task.Delay(retryAfter > RepeatInterval ? retryAfter : RepeatInterval);
        }
    }

    private HttpRequestMessage Build(DocumentedRequest documented)
    {
        var request = new HttpRequestMessage(new HttpMethod(documented.Method), Fill(documented.Path, documented));
        var contentType = "application/json";
        foreach (var (name, value) in documented.Headers)
        {
            var filled = Fill(value, documented);
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = filled.Split(';')[0].Trim();
                continue;
            }
            if (name.Equals("X-Api-Key", StringComparison.OrdinalIgnoreCase) && filled == DocumentedStaffKey)
            {
                // FLOW.md shows the development key; the test host has a key of its own.
                filled = KioskAppFixture.StaffApiKeyForTests;
            }
            request.Headers.TryAddWithoutValidation(name, filled);
        }
        if (documented.Body is not null)
        {
            request.Content = new StringContent(Fill(documented.Body, documented), Encoding.UTF8, contentType);
        }
        return request;
    }

    private static List<string> Check(DocumentedResponse documented, HttpResponseMessage response, string body, Identities identities)
    {
        if ((int)response.StatusCode != documented.Status)
        {
            return [$"status {(int)response.StatusCode}, documented {documented.Status}"];
        }

        var problems = new List<string>();
        foreach (var (name, value) in documented.Headers)
        {
            var actual = response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values)
                : null;
            var matches = actual is not null && (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
                ? MediaType(actual) == MediaType(value)
                : DocumentedJson.HeaderMatches(value, actual, identities));
            if (!matches)
            {
                problems.Add($"header {name}: documented '{value}', got '{actual ?? "(none)"}'");
            }
        }

        if (documented.Body is not null)
        {
            JsonNode? actualBody;
            try
            {
                actualBody = JsonNode.Parse(body);
            }
            catch (JsonException ex)
            {
                return [.. problems, $"the body is not JSON: {ex.Message}"];
            }
            problems.AddRange(DocumentedJson.Compare(documented.Body, actualBody, identities));
        }
        return problems;
    }

    private async Task CheckEventAsync(EventStep step)
    {
        // Menu events are keyed by the item, order events by the order.
        var key = step.Payload["menu_item_id"]?.ToJsonString()
            ?? _variables.GetValueOrDefault("orderId")
            ?? throw new InvalidOperationException($"FLOW.md line {step.Line}: an event is shown before any response gave an orderId.");
        // A topic may carry several events of one key (an order's every status): the documented one is the one that matches.
        var lastProblems = new List<string>();
        JsonNode? lastPayload = null;
        try
        {
            await Task.Run(() => new KafkaProbe(fixture).Find(step.Topic, m =>
            {
                if (m.Key != key)
                {
                    return false;
                }
                var trial = _identities.Copy();
                lastPayload = JsonNode.Parse(m.Value)!;
                lastProblems = DocumentedJson.Compare(step.Payload, lastPayload, trial);
                if (lastProblems.Count == 0)
                {
                    _identities.Adopt(trial);
                }
                return lastProblems.Count == 0;
            }));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No {step.Topic} event with key {key} is as documented at FLOW.md line {step.Line}:\n  "
                + string.Join("\n  ", lastProblems) + $"\nThe last one is: {lastPayload?.ToJsonString() ?? "(none)"}");
        }
    }

    /// <summary>{name} takes the value of the field <c>name</c> in the latest JSON object answer that had one (the last, if several).</summary>
    private void Remember(string body)
    {
        if (body.Length > 0 && JsonNode.Parse(body) is JsonObject answer)
        {
            Collect(answer);
        }
    }

    private void Collect(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (value is JsonValue scalar && scalar.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
                    {
                        _variables[name] = scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString();
                    }
                    Collect(value);
                }
                break;
            case JsonArray array:
                foreach (var element in array)
                {
                    Collect(element);
                }
                break;
        }
    }

    private string Fill(string text, DocumentedRequest request) =>
        Placeholder().Replace(text, m => _variables.TryGetValue(m.Groups["name"].Value, out var value)
            ? value
            : throw new InvalidOperationException(
                $"FLOW.md line {request.Line} uses {m.Value} before any answer had a '{m.Groups["name"].Value}' field."));

    private static string MediaType(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant();

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
