namespace Kiosk.Payments.Apis;

/// <summary>The day's sales reading (X any time, Z once the day has ended), computed from the payments taken.</summary>
public static class SalesReports
{
    public static RouteHandlerBuilder MapSalesReportApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/payments/reports/daily", GetDailyReport)
            .WithTags("Payments")
            .WithName("GetDailySalesReport")
            .WithSummary("Staff: the store's sales reading for one business day (default today)")
            .WithDescription(
                "?day=YYYY-MM-DD (the store's business day; default today). `reading` is X while the day is open (figures so far) "
                + "and Z once its day end has passed (final). 400: day not a date.")
            .RequireStaffApiKey()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    public static async Task<Results<Ok<SalesReport>, ValidationProblem>> GetDailyReport(
        string? day, PaymentsDbContext db, StoreDayEnd dayEnd, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calendar = dayEnd.Calendar;
        var businessDay = calendar.DayOf(now);
        if (!string.IsNullOrWhiteSpace(day)
            && !DateOnly.TryParseExact(day.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out businessDay))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["day"] = ["Must be a date as YYYY-MM-DD."] },
                detail: $"'{day}' is not a business day; use e.g. ?day=2026-11-26.");
        }

        var from = calendar.StartOf(businessDay).ToUniversalTime();
        var to = calendar.StartOf(businessDay.AddDays(1)).ToUniversalTime();
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.PaidAt >= from && p.PaidAt < to)
            .Select(p => new { p.Total, p.VatableSales, p.Vat, p.VatExemptSales, p.ZeroRatedSales, p.Discount, p.AmountDue, p.DiscountKind, p.InvoiceNumber, p.PaidAt })
            .ToListAsync(cancellationToken);
        var closed = await db.PayableOrders.AsNoTracking()
            .Where(o => o.ClosedStatus != null && o.CreatedAt >= from && o.CreatedAt < to)
            .GroupBy(o => o.ClosedStatus).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // Never resets: every peso ever taken up to the end of this day.
        var grandTotal = await db.Payments.Where(p => p.PaidAt < to).SumAsync(p => (decimal?)p.AmountDue, cancellationToken) ?? 0m;

        var hours = Enumerable.Range(0, 24)
            .Select(hour => new HourlySales(hour,
                Money.Round(payments.Where(p => calendar.ToLocal(p.PaidAt).Hour == hour).Sum(p => p.AmountDue)),
                payments.Count(p => calendar.ToLocal(p.PaidAt).Hour == hour)))
            .ToList();

        return TypedResults.Ok(new SalesReport(
            BusinessDay: businessDay,
            Reading: dayEnd.HasEnded(businessDay, now) ? "Z" : "X",
            GeneratedAt: now,
            GrossSales: Money.Round(payments.Sum(p => p.Total)),
            VatableSales: Money.Round(payments.Sum(p => p.VatableSales)),
            Vat: Money.Round(payments.Sum(p => p.Vat)),
            VatExemptSales: Money.Round(payments.Sum(p => p.VatExemptSales)),
            ZeroRatedSales: Money.Round(payments.Sum(p => p.ZeroRatedSales)),
            Discounts: [.. DiscountKind.All.Select(kind => new DiscountTotal(kind,
                payments.Count(p => p.DiscountKind == kind),
                Money.Round(payments.Where(p => p.DiscountKind == kind).Sum(p => p.Discount))))],
            TotalDiscount: Money.Round(payments.Sum(p => p.Discount)),
            NetSales: Money.Round(payments.Sum(p => p.AmountDue)),
            Transactions: payments.Count,
            CancelledOrders: closed.Where(c => c.Status == StoreDayEnd.Cancelled).Sum(c => c.Count),
            ExpiredOrders: closed.Where(c => c.Status == StoreDayEnd.Expired).Sum(c => c.Count),
            FirstInvoiceNumber: payments.Count == 0 ? null : SalesInvoice.Format(payments.Min(p => p.InvoiceNumber)),
            LastInvoiceNumber: payments.Count == 0 ? null : SalesInvoice.Format(payments.Max(p => p.InvoiceNumber)),
            // Cash in minus change handed back is exactly what was due.
            CashExpected: Money.Round(payments.Sum(p => p.AmountDue)),
            AccumulatedGrandTotal: Money.Round(grandTotal),
            SalesPerHour: hours));
    }
}

[OpenApiExample("""
    {
      "businessDay": "2026-11-26", "reading": "X", "generatedAt": "2026-11-26T09:00:00+00:00",
      "grossSales": 672.00, "vatableSales": 200.00, "vat": 24.00, "vatExemptSales": 400.00, "zeroRatedSales": 0.00,
      "discounts": [{ "kind": "SENIOR", "count": 2, "amount": 80.00 }, { "kind": "PWD", "count": 0, "amount": 0.00 }],
      "totalDiscount": 80.00, "netSales": 544.00, "transactions": 2, "cancelledOrders": 1, "expiredOrders": 0,
      "firstInvoiceNumber": "SI-00000041", "lastInvoiceNumber": "SI-00000042", "cashExpected": 544.00,
      "accumulatedGrandTotal": 15230.00,
      "salesPerHour": [{ "hour": 0, "sales": 0.00, "transactions": 0 }]
    }
    """)]
public sealed record SalesReport(
    DateOnly BusinessDay, string Reading, DateTimeOffset GeneratedAt,
    decimal GrossSales, decimal VatableSales, decimal Vat, decimal VatExemptSales, decimal ZeroRatedSales,
    IReadOnlyList<DiscountTotal> Discounts, decimal TotalDiscount, decimal NetSales, int Transactions,
    int CancelledOrders, int ExpiredOrders, string? FirstInvoiceNumber, string? LastInvoiceNumber,
    decimal CashExpected, decimal AccumulatedGrandTotal, IReadOnlyList<HourlySales> SalesPerHour);

[OpenApiExample("""
    { "kind": "SENIOR", "count": 2, "amount": 80.00 }
    """)]
public sealed record DiscountTotal(string Kind, int Count, decimal Amount);

/// <summary>Sales in one hour of the store's local day (0–23).</summary>
[OpenApiExample("""
    { "hour": 12, "sales": 544.00, "transactions": 2 }
    """)]
public sealed record HourlySales(int Hour, decimal Sales, int Transactions);
