using System.Text.Json.Serialization;

namespace Kiosk.Contracts.Events;

/// <summary>
/// Published by the payment service on <c>PAYMENT_CONFIRMED</c> when the cashier has taken the money. <c>total</c> is the
/// order's total before any discount; the sales invoice's lines follow. Never a discount holder's name or ID number: those
/// are personal data and stay in the payment database.
/// </summary>
public sealed record PaymentConfirmed(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("order_id")] Guid OrderId,
    [property: JsonPropertyName("payment_id")] Guid PaymentId,
    [property: JsonPropertyName("amount_paid")] decimal AmountPaid,
    [property: JsonPropertyName("change")] decimal Change,
    [property: JsonPropertyName("total")] decimal Total,
    [property: JsonPropertyName("paid_at")] DateTimeOffset PaidAt) : IIntegrationEvent
{
    /// <summary>The sales invoice number, e.g. <c>SI-00000042</c>; null from producers older than invoices.</summary>
    [JsonPropertyName("invoice_number")]
    public string? InvoiceNumber { get; init; }

    [JsonPropertyName("amount_due")]
    public decimal? AmountDue { get; init; }

    [JsonPropertyName("vatable_sales")]
    public decimal? VatableSales { get; init; }

    [JsonPropertyName("vat")]
    public decimal? Vat { get; init; }

    [JsonPropertyName("vat_exempt_sales")]
    public decimal? VatExemptSales { get; init; }

    [JsonPropertyName("zero_rated_sales")]
    public decimal? ZeroRatedSales { get; init; }

    [JsonPropertyName("discount")]
    public decimal? Discount { get; init; }

    /// <summary>SENIOR or PWD; null when no discount was given.</summary>
    [JsonPropertyName("discount_kind")]
    public string? DiscountKind { get; init; }

    /// <summary>How many senior citizen / PWD holders the discount was given to (0 without a discount).</summary>
    [JsonPropertyName("discount_holders")]
    public int? DiscountHolders { get; init; }

    [JsonPropertyName("diners")]
    public int? Diners { get; init; }
}
