namespace Kiosk.Web.Clients;

public sealed record PaymentReceipt(
    Guid PaymentId, Guid OrderId, int OrderNumber, decimal Total, decimal AmountPaid, decimal Change, DateTimeOffset PaidAt,
    string? InvoiceNumber = null, decimal VatableSales = 0, decimal Vat = 0, decimal VatExemptSales = 0, decimal ZeroRatedSales = 0,
    decimal Discount = 0, decimal AmountDue = 0, string? DiscountKind = null, int Diners = 1, IReadOnlyList<DiscountHolder>? Holders = null);

public sealed record DiscountHolder(string Name, string IdNumber);

/// <summary>The senior citizen / PWD discount as the payments API takes it.</summary>
public sealed record DiscountInput(string Kind, int Diners, IReadOnlyList<DiscountHolder> Holders);

public sealed record PaymentQuote(
    Guid OrderId, int OrderNumber, decimal Total, decimal VatableSales, decimal Vat, decimal VatExemptSales, decimal ZeroRatedSales,
    decimal Discount, decimal AmountDue);

public sealed record SalesReport(
    DateOnly BusinessDay, string Reading, DateTimeOffset GeneratedAt,
    decimal GrossSales, decimal VatableSales, decimal Vat, decimal VatExemptSales, decimal ZeroRatedSales,
    IReadOnlyList<DiscountTotal> Discounts, decimal TotalDiscount, decimal NetSales, int Transactions,
    int CancelledOrders, int ExpiredOrders, string? FirstInvoiceNumber, string? LastInvoiceNumber,
    decimal CashExpected, decimal AccumulatedGrandTotal, IReadOnlyList<HourlySales> SalesPerHour)
{
    public decimal AccumulatedGrandTotalBefore { get; init; }

    /// <summary>From then on the day takes no payments and can be closed.</summary>
    public bool DayEnded { get; init; }

    public DateTimeOffset DayEndsAt { get; init; }

    /// <summary>The stored Z reading's number; null for an X reading (the day not closed yet).</summary>
    public long? ZNumber { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }
}

public sealed record DiscountTotal(string Kind, int Count, decimal Amount);

public sealed record HourlySales(int Hour, decimal Sales, int Transactions);
