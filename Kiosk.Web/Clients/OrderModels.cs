namespace Kiosk.Web.Clients;

public sealed record Order(
    Guid OrderId,
    int OrderNumber,
    string Status,
    string DiningOption,
    IReadOnlyList<OrderLine> Items,
    decimal Total,
    decimal VatableSales,
    decimal Vat,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? CompletedAt,
    DateOnly? BusinessDay = null,
    DateTimeOffset? CancelledAt = null,
    string? CancelReason = null);

public sealed record OrderLine(
    int MenuItemId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal,
    IReadOnlyList<LineOption>? Choices = null, string? Note = null);

/// <summary>The order statuses the orders service reports.</summary>
public static class OrderStatus
{
    public const string Pending = "PENDING";
    public const string Paid = "PAID";
    public const string Completed = "COMPLETED";
    public const string Cancelled = "CANCELLED";
    public const string Expired = "EXPIRED";
}
