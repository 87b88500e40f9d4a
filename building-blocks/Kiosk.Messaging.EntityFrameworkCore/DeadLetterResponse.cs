using System.Text;
using System.Text.Json;
using Kiosk.ServiceDefaults.Http;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>A parked message as the crew sees it. The payload is shown as text (UTF-8); replay uses the original bytes.</summary>
[OpenApiExample("""
    {
      "id": 3,
      "topic": "PAYMENT_CONFIRMED",
      "partition": 0,
      "offset": 41,
      "key": "0b7d1c3e-5f0a-4d7e-9a51-3f1a2b6c8d90",
      "payload": "{\"event_id\":\"…\",\"order_id\":\"0b7d1c3e-5f0a-4d7e-9a51-3f1a2b6c8d90\",…}",
      "headers": { "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" },
      "errorType": "Kiosk.Messaging.EventNotReadyException",
      "errorMessage": "PAYMENT_CONFIRMED event … is for order 0b7d1c3e-…, which this service does not know yet.",
      "consumerGroup": "orders",
      "parkedAt": "2026-12-01T01:02:03.456789+00:00",
      "replayedAt": null,
      "replayOutcome": null,
      "replayError": null
    }
    """)]
public sealed record DeadLetterResponse(
    long Id,
    string Topic,
    int Partition,
    long Offset,
    string? Key,
    string Payload,
    IReadOnlyDictionary<string, string> Headers,
    string ErrorType,
    string ErrorMessage,
    string ConsumerGroup,
    DateTimeOffset ParkedAt,
    DateTimeOffset? ReplayedAt,
    string? ReplayOutcome,
    string? ReplayError)
{
    public static DeadLetterResponse From(DeadLetter d) => new(
        d.Id, d.Topic, d.Partition, d.Offset, d.Key, Encoding.UTF8.GetString(d.Payload),
        JsonSerializer.Deserialize<Dictionary<string, string>>(d.Headers) ?? [],
        d.ErrorType, d.ErrorMessage, d.ConsumerGroup, d.ParkedAt, d.ReplayedAt, d.ReplayOutcome, d.ReplayError);
}

/// <summary>What a replay did: handled (the change is made), duplicate (it had been handled already) or failed (with why).</summary>
[OpenApiExample("""
    { "id": 3, "outcome": "handled", "error": null, "replayedAt": "2026-12-01T01:10:00.123456+00:00" }
    """)]
public sealed record DeadLetterReplayResponse(long Id, string Outcome, string? Error, DateTimeOffset ReplayedAt);
