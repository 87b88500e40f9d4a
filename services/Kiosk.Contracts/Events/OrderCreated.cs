using System.Text.Json.Serialization;

namespace Kiosk.Contracts.Events;

/// <summary>Published by the order service on <c>ORDER_CREATED</c> once an order and its items are stored.</summary>
public sealed record OrderCreated(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("order_number")] int OrderNumber,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("total")] decimal Total,
    [property: JsonPropertyName("dining_option")] string DiningOption,
    [property: JsonPropertyName("cart_id")] Guid CartId,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("items")] IReadOnlyList<CartCheckoutItem>? Items = null) : IIntegrationEvent;
