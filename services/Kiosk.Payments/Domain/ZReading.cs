namespace Kiosk.Payments.Domain;

/// <summary>
/// The stored end-of-day (Z) reading of one business day: every figure of its sales report, frozen when the day was closed.
/// Written once and never changed (the database refuses updates and deletes); Z numbers run 1, 2, 3… and never restart, and
/// the accumulated grand total carries on from every peso taken before the day.
/// </summary>
public sealed class ZReading
{
    public DateOnly BusinessDay { get; init; }
    public long ZNumber { get; init; }
    public DateTimeOffset ClosedAt { get; init; }

    public decimal GrossSales { get; init; }
    public decimal VatableSales { get; init; }
    public decimal Vat { get; init; }
    public decimal VatExemptSales { get; init; }
    public decimal ZeroRatedSales { get; init; }
    public int SeniorDiscounts { get; init; }
    public decimal SeniorDiscountAmount { get; init; }
    public int PwdDiscounts { get; init; }
    public decimal PwdDiscountAmount { get; init; }
    public decimal TotalDiscount { get; init; }
    public decimal NetSales { get; init; }
    public int Transactions { get; init; }
    public int CancelledOrders { get; init; }
    public int ExpiredOrders { get; init; }
    public string? FirstInvoiceNumber { get; init; }
    public string? LastInvoiceNumber { get; init; }
    public decimal CashExpected { get; init; }

    /// <summary>Every peso taken before this day began.</summary>
    public decimal GrandTotalBefore { get; init; }

    /// <summary><see cref="GrandTotalBefore"/> plus this day's net sales.</summary>
    public decimal GrandTotalAfter { get; init; }

    /// <summary>Sales and transactions per local hour 0–23, as JSON (<c>[{"hour":0,"sales":0.00,"transactions":0}, …]</c>).</summary>
    public string SalesPerHour { get; init; } = "[]";
}
