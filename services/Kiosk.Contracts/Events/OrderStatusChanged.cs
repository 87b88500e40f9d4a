using System.Text.Json.Serialization;

namespace Kiosk.Contracts.Events;

/// <summary>
/// Published by the order service on <c>ORDER_STATUS_CHANGED</c> whenever an order's status moves, its creation
/// (PENDING, no <see cref="PreviousStatus"/>) included: what the live screens (kitchen, cashier, board, the customer's
/// confirmation screen) follow.
/// </summary>
public sealed record OrderStatusChanged(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("order_id")] Guid OrderId,
    [property: JsonPropertyName("order_number")] int OrderNumber,
    [property: JsonPropertyName("business_day")] DateOnly BusinessDay,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("previous_status")] string? PreviousStatus,
    [property: JsonPropertyName("dining_option")] string DiningOption,
    [property: JsonPropertyName("total")] decimal Total,
    [property: JsonPropertyName("occurred_at")] DateTimeOffset OccurredAt) : IIntegrationEvent;
