using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiosk.IntegrationTests.Flow;

/// <summary>
/// Checks a real JSON answer against the example FLOW.md shows, by the rules FLOW.md states: every documented field is
/// there with the same type and value; ids, times and order numbers only keep their identity (<see cref="Identities"/>);
/// <c>detail</c> and <c>traceId</c> only need to be there; an array must contain an element like each documented one.
/// </summary>
public static partial class DocumentedJson
{
    private static readonly string[] FreeText = ["detail", "traceId"];
    private static readonly string[] RunSpecificNumbers = ["orderNumber", "order_number"];

    /// <returns>What differs, one line per difference; empty when the answer is as documented.</returns>
    public static List<string> Compare(JsonNode? documented, JsonNode? actual, Identities identities)
    {
        var problems = new List<string>();
        Compare(documented, actual, identities, "$", null, problems);
        return problems;
    }

    private static void Compare(JsonNode? documented, JsonNode? actual, Identities identities, string path, string? name, List<string> problems)
    {
        switch (documented)
        {
            case null:
                if (actual is not null)
                {
                    problems.Add($"{path}: documented null, got {actual.ToJsonString()}");
                }
                break;
            case JsonObject documentedObject:
                if (actual is not JsonObject actualObject)
                {
                    problems.Add($"{path}: documented an object, got {Describe(actual)}");
                    break;
                }
                foreach (var (property, value) in documentedObject)
                {
                    if (!actualObject.TryGetPropertyValue(property, out var actualValue))
                    {
                        problems.Add($"{path}.{property}: documented but missing");
                        continue;
                    }
                    Compare(value, actualValue, identities, $"{path}.{property}", property, problems);
                }
                break;
            case JsonArray documentedArray:
                CompareArray(documentedArray, actual, identities, path, problems);
                break;
            case JsonValue documentedValue:
                CompareValue(documentedValue, actual, identities, path, name, problems);
                break;
        }
    }

    private static void CompareArray(JsonArray documented, JsonNode? actual, Identities identities, string path, List<string> problems)
    {
        if (actual is not JsonArray actualArray)
        {
            problems.Add($"{path}: documented an array, got {Describe(actual)}");
            return;
        }
        if (documented.Count == 0 && actualArray.Count != 0)
        {
            problems.Add($"{path}: documented empty, got {actualArray.Count} elements");
            return;
        }

        for (var i = 0; i < documented.Count; i++)
        {
            // Shortened arrays are allowed, so look for any element like the documented one; bind ids only on a match.
            List<string>? closest = null;
            foreach (var candidate in actualArray)
            {
                var trial = identities.Copy();
                var trialProblems = new List<string>();
                Compare(documented[i], candidate, trial, $"{path}[{i}]", null, trialProblems);
                if (trialProblems.Count == 0)
                {
                    identities.Adopt(trial);
                    closest = null;
                    break;
                }
                if (closest is null || trialProblems.Count < closest.Count)
                {
                    closest = trialProblems;
                }
            }
            if (closest is not null || actualArray.Count == 0)
            {
                problems.Add($"{path}[{i}]: no element is like the documented one"
                    + (closest is null ? " (the array is empty)" : $"; closest: {string.Join("; ", closest)}"));
            }
        }
    }

    private static void CompareValue(JsonValue documented, JsonNode? actual, Identities identities, string path, string? name, List<string> problems)
    {
        if (actual is not JsonValue actualValue || actualValue.GetValueKind() != documented.GetValueKind())
        {
            problems.Add($"{path}: documented {documented.ToJsonString()}, got {Describe(actual)}");
            return;
        }

        if (documented.GetValueKind() == JsonValueKind.String)
        {
            var expected = documented.GetValue<string>();
            var got = actualValue.GetValue<string>();
            if (name is not null && FreeText.Contains(name))
            {
                if (string.IsNullOrWhiteSpace(got))
                {
                    problems.Add($"{path}: empty");
                }
            }
            else if (Guid.TryParseExact(expected, "D", out _))
            {
                if (!Guid.TryParseExact(got, "D", out _) || !identities.Bind(expected, got))
                {
                    problems.Add($"{path}: documented id {expected} stands for {identities.ActualFor(expected) ?? "a new id"}, got {got}");
                }
            }
            else if (IsTime(expected) || IsDate(expected))
            {
                if (!IsTime(got) && !IsDate(got))
                {
                    problems.Add($"{path}: documented a time, got \"{got}\"");
                }
            }
            else if (expected != got)
            {
                problems.Add($"{path}: documented \"{expected}\", got \"{got}\"");
            }
            return;
        }

        // Numbers compare as written, so 243.00 and 243 differ (money always has two decimals).
        var expectedText = documented.ToJsonString();
        var gotText = actualValue.ToJsonString();
        if (name is not null && RunSpecificNumbers.Contains(name) && documented.GetValueKind() == JsonValueKind.Number)
        {
            // One binding for both spellings: orderNumber over HTTP and order_number in events are the same number.
            var key = "order number " + expectedText;
            if (!identities.Bind(key, gotText))
            {
                problems.Add($"{path}: documented {expectedText} stands for {identities.ActualFor(key)}, got {gotText}");
            }
        }
        else if (expectedText != gotText)
        {
            problems.Add($"{path}: documented {expectedText}, got {gotText}");
        }
    }

    /// <summary>Matches a documented header value, ids bound like in bodies (e.g. <c>Location: /api/orders/{id}</c>).</summary>
    public static bool HeaderMatches(string documented, string actual, Identities identities)
    {
        var ids = Id().Matches(documented).Select(m => m.Value).ToList();
        var pattern = "^" + string.Join("([0-9a-f-]{36})", Id().Split(documented).Select(Regex.Escape)) + "$";
        var match = Regex.Match(actual, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (!match.Success)
        {
            return false;
        }
        var trial = identities.Copy();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!trial.Bind(ids[i], match.Groups[i + 1].Value))
            {
                return false;
            }
        }
        identities.Adopt(trial);
        return true;
    }

    private static bool IsTime(string text) =>
        text.Length > 10 && text[10] == 'T'
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    /// <summary>A calendar date (e.g. a business day): it differs per run like a time.</summary>
    private static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string Describe(JsonNode? node) => node?.ToJsonString() ?? "null";

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Id();
}
