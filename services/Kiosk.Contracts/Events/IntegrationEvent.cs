using System.Text.Json.Serialization;

namespace Kiosk.Contracts.Events;

/// <summary>An event published to Kafka. Consumers deduplicate on <see cref="EventId"/>.</summary>
public interface IIntegrationEvent
{
    [JsonPropertyName("event_id")]
    Guid EventId { get; }
}
