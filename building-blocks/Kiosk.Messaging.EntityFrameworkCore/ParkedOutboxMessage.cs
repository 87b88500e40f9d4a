using Kiosk.ServiceDefaults.Http;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>An outbox row the relay gave up on, as staff see it.</summary>
[OpenApiExample("""
    {
      "id": 42,
      "eventId": "019ac1f0-8a3e-7d51-9b0c-5c2e8f1d6a70",
      "topic": "ORDER_CREATED",
      "key": "f0b2308b-081b-4dd7-8c5e-8e55fb53352f",
      "eventType": "OrderCreated",
      "attempts": 10,
      "lastError": "Broker: Message size too large",
      "createdAt": "2026-11-25T17:22:10.077997+00:00",
      "parkedAt": "2026-11-25T17:24:41.511203+00:00",
      "waitingBehind": 1
    }
    """)]
public sealed record ParkedOutboxMessage(
    long Id,
    Guid EventId,
    string Topic,
    string Key,
    string EventType,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ParkedAt,
    int WaitingBehind);
