using System.Text.Json;
using Confluent.Kafka;

namespace Kiosk.KafkaBroker;

/// <summary>Body of <c>POST /broker/errors</c>: which Kafka API fails next, and with which errors, one per request.</summary>
/// <param name="ApiKey">An API name (<c>OffsetCommit</c>) or its number (<c>8</c>).</param>
/// <param name="Errors">Kafka error names (<c>ILLEGAL_GENERATION</c>, <c>IllegalGeneration</c>) or codes (<c>22</c>).</param>
internal sealed record RequestErrors(string? ApiKey, JsonElement[]? Errors)
{
    public const int MaxErrors = 1000;

    // The request types a test is likely to disturb; any other can be given by number.
    private static readonly Dictionary<string, short> ApiKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Produce"] = 0,
        ["Fetch"] = 1,
        ["ListOffsets"] = 2,
        ["Metadata"] = 3,
        ["OffsetCommit"] = 8,
        ["OffsetFetch"] = 9,
        ["FindCoordinator"] = 10,
        ["JoinGroup"] = 11,
        ["Heartbeat"] = 12,
        ["LeaveGroup"] = 13,
        ["SyncGroup"] = 14,
        ["InitProducerId"] = 22,
    };

    // Protocol names that Confluent's ErrorCode spells differently (GroupCoordinatorNotAvailable, NotCoordinatorForGroup).
    private static readonly Dictionary<string, int> ProtocolNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["COORDINATOR_LOAD_IN_PROGRESS"] = 14,
        ["COORDINATOR_NOT_AVAILABLE"] = 15,
        ["NOT_COORDINATOR"] = 16,
    };

    /// <summary>The API key and error codes to push, or a sentence saying what is wrong with the request.</summary>
    public (short ApiKey, int[] Codes, string? Problem) Parse()
    {
        var (apiKey, apiProblem) = ParseApiKey(ApiKey);
        if (apiProblem is not null)
        {
            return (0, [], apiProblem);
        }

        if (Errors is not { Length: > 0 and <= MaxErrors })
        {
            return (0, [], $"Give between 1 and {MaxErrors} errors, e.g. [\"ILLEGAL_GENERATION\", \"UNKNOWN_MEMBER_ID\"].");
        }

        var codes = new int[Errors.Length];
        for (var i = 0; i < Errors.Length; i++)
        {
            if (!TryParseError(Errors[i], out codes[i]))
            {
                return (0, [], $"'{Errors[i]}' is not a Kafka error: give a name such as ILLEGAL_GENERATION or a positive error code.");
            }
        }

        return (apiKey, codes, null);
    }

    private static bool TryParseApiKey(string? value, out short apiKey)
    {
        apiKey = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        return ApiKeys.TryGetValue(value.Trim(), out apiKey) || (short.TryParse(value, out apiKey) && apiKey >= 0);
    }

    /// <summary>A body-less request (e.g. <c>DELETE ?apiKey=</c>) names only the API.</summary>
    public static (short ApiKey, string? Problem) ParseApiKey(string? value) =>
        TryParseApiKey(value, out var apiKey)
            ? (apiKey, null)
            : ((short)0, $"'{value}' is not a Kafka API: give a name ({string.Join(", ", ApiKeys.Keys)}) or an API key number.");

    private static bool TryParseError(JsonElement element, out int code)
    {
        code = 0;
        if (element.ValueKind == JsonValueKind.Number)
        {
            return element.TryGetInt32(out code) && code > 0;
        }

        var value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (int.TryParse(value, out code))
        {
            return code > 0;
        }

        if (ProtocolNames.TryGetValue(value.Trim(), out code))
        {
            return true;
        }

        // Protocol names are SCREAMING_SNAKE_CASE; Confluent's enum spells them in Pascal case.
        var name = value.Replace("_", "", StringComparison.Ordinal).Trim();
        if (Enum.TryParse<ErrorCode>(name, ignoreCase: true, out var error) && (int)error > 0)
        {
            code = (int)error;
            return true;
        }

        return false;
    }
}
