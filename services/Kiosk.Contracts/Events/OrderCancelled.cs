using System.Text.Json.Serialization;

namespace Kiosk.Contracts.Events;

/// <summary>
/// Published by the order service on <c>ORDER_CANCELLED</c> when an order ends unpaid: <c>status</c> CANCELLED (staff, with
/// a <c>reason</c>) or EXPIRED (its business day ended). Payments had already refused its cash when this is published.
/// </summary>
public sealed record OrderCancelled(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("order_id")] Guid OrderId,
    [property: JsonPropertyName("order_number")] int OrderNumber,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("business_day")] DateOnly BusinessDay,
    [property: JsonPropertyName("cancelled_at")] DateTimeOffset CancelledAt) : IIntegrationEvent
{
    /// <summary>The order's total, VAT included; lets a consumer that never heard of the order record it (absent from older events).</summary>
    [JsonPropertyName("total")]
    public decimal? Total { get; init; }

    /// <summary>When the order was placed (absent from older events).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }
}
