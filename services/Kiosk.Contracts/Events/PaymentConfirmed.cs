using System.Text.Json.Serialization;

namespace Kiosk.Contracts.Events;

/// <summary>Published by the payment service on <c>PAYMENT_CONFIRMED</c> when the cashier has taken the money.</summary>
public sealed record PaymentConfirmed(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("order_id")] Guid OrderId,
    [property: JsonPropertyName("payment_id")] Guid PaymentId,
    [property: JsonPropertyName("amount_paid")] decimal AmountPaid,
    [property: JsonPropertyName("change")] decimal Change,
    [property: JsonPropertyName("total")] decimal Total,
    [property: JsonPropertyName("paid_at")] DateTimeOffset PaidAt) : IIntegrationEvent;
