using System.Text.Json.Serialization;

namespace Kiosk.Contracts.Events;

/// <summary>Published by the cart service on <c>CART_CHECKOUT</c> when a customer places an order.</summary>
public sealed record CartCheckout(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("order_id")] Guid OrderId,
    [property: JsonPropertyName("cart_id")] Guid CartId,
    [property: JsonPropertyName("dining_option")] string DiningOption,
    [property: JsonPropertyName("items")] IReadOnlyList<CartCheckoutItem> Items,
    [property: JsonPropertyName("total")] decimal Total,
    [property: JsonPropertyName("occurred_at")] DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// One line. <see cref="Price"/> is the unit price with the choices' deltas included, so price × quantity is the line's
/// total; <see cref="Choices"/> and <see cref="Note"/> are absent (null) in messages from producers that predate them.
/// </summary>
public sealed record CartCheckoutItem(
    [property: JsonPropertyName("menu_item_id")] int MenuItemId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("price")] decimal Price,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("choices")] IReadOnlyList<LineChoice>? Choices = null,
    [property: JsonPropertyName("note")] string? Note = null);
