using System.Text.Json.Serialization;

namespace Kiosk.Contracts.Events;

/// <summary>
/// Published by the menu service on <c>MENU_AVAILABILITY_CHANGED</c> when the crew marks an item sold out or back on
/// sale. <see cref="ChoiceId"/> names a choice within the item when only that choice changed; it is null (and left out)
/// when the whole item did.
/// </summary>
public sealed record MenuAvailabilityChanged(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("menu_item_id")] int MenuItemId,
    [property: JsonPropertyName("available")] bool Available,
    [property: JsonPropertyName("occurred_at")] DateTimeOffset OccurredAt) : IIntegrationEvent
{
    [JsonPropertyName("choice_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ChoiceId { get; init; }
}
