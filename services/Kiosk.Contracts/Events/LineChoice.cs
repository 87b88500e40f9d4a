using System.Text.Json.Serialization;

namespace Kiosk.Contracts.Events;

/// <summary>A choice on an order line (drink, upsize, add-on) with the delta already counted in the line's price.</summary>
public sealed record LineChoice(
    [property: JsonPropertyName("choice_id")] int ChoiceId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("price_delta")] decimal PriceDelta);
