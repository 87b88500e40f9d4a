using System.Globalization;

namespace Kiosk.Payments.Apis;

/// <summary>The day's sales reading: X (figures so far) until the day is closed, then its stored Z reading.</summary>
public static class SalesReports
{
    public static RouteHandlerBuilder MapSalesReportApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/payments/reports/daily", GetDailyReport)
            .WithTags("Payments")
            .WithName("GetDailySalesReport")
            .WithSummary("Staff: the store's sales reading for one business day (default today)")
            .WithDescription(
                "?businessDay=YYYY-MM-DD (or ?day=; the store's business day; default today). Once the day has been closed "
                + "(POST /api/payments/reports/daily/close) this is its stored Z reading: `reading` Z, with `zNumber` and `closedAt`, "
                + "the same figures however often it is asked. Until then `reading` is X, computed now; `dayEnded` says whether the "
                + "day can be closed yet. 400: day not a date.")
            .RequireStaffApiKey()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    public static async Task<Results<Ok<SalesReport>, ValidationProblem>> GetDailyReport(
        string? businessDay, string? day, PaymentsDbContext db, StoreDayEnd dayEnd, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (field, text) = businessDay is not null ? ("businessDay", businessDay) : ("day", day);
        var reportDay = dayEnd.Calendar.DayOf(now);
        if (!string.IsNullOrWhiteSpace(text) && !TryParseDay(text, out reportDay))
        {
            return InvalidDay(field, text);
        }

        var stored = await db.ZReadings.AsNoTracking().SingleOrDefaultAsync(z => z.BusinessDay == reportDay, cancellationToken);
        return TypedResults.Ok(stored is not null
            ? FromZ(stored, dayEnd, now)
            : await ComputeAsync(db, dayEnd, reportDay, now, cancellationToken));
    }

    public static bool TryParseDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static ValidationProblem InvalidDay(string field, string? text) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = ["Must be a date as YYYY-MM-DD."] },
            detail: $"'{text}' is not a business day; use e.g. {field} 2026-11-26.");

    /// <summary>The X reading of <paramref name="businessDay"/>: its figures from the payments and closed orders as they are now.</summary>
    public static async Task<SalesReport> ComputeAsync(
        PaymentsDbContext db, StoreDayEnd dayEnd, DateOnly businessDay, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = dayEnd.Calendar;
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
        // Never resets: every peso ever taken before this day, and with it.
        var grandTotalBefore = await db.Payments.Where(p => p.PaidAt < from).SumAsync(p => (decimal?)p.AmountDue, cancellationToken) ?? 0m;
        var netSales = Money.Round(payments.Sum(p => p.AmountDue));

        var hours = Enumerable.Range(0, 24)
            .Select(hour => new HourlySales(hour,
                Money.Round(payments.Where(p => calendar.ToLocal(p.PaidAt).Hour == hour).Sum(p => p.AmountDue)),
                payments.Count(p => calendar.ToLocal(p.PaidAt).Hour == hour)))
            .ToList();

        return new SalesReport(
            BusinessDay: businessDay,
            Reading: SalesReport.XReading,
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
            NetSales: netSales,
            Transactions: payments.Count,
            CancelledOrders: closed.Where(c => c.Status == StoreDayEnd.Cancelled).Sum(c => c.Count),
            ExpiredOrders: closed.Where(c => c.Status == StoreDayEnd.Expired).Sum(c => c.Count),
            FirstInvoiceNumber: payments.Count == 0 ? null : SalesInvoice.Format(payments.Min(p => p.InvoiceNumber)),
            LastInvoiceNumber: payments.Count == 0 ? null : SalesInvoice.Format(payments.Max(p => p.InvoiceNumber)),
            // Cash in minus change handed back is exactly what was due.
            CashExpected: netSales,
            AccumulatedGrandTotal: Money.Round(grandTotalBefore) + netSales,
            SalesPerHour: hours)
        {
            AccumulatedGrandTotalBefore = Money.Round(grandTotalBefore),
            DayEndsAt = dayEnd.EndOf(businessDay),
            DayEnded = dayEnd.HasEnded(businessDay, now),
        };
    }

    /// <summary>The stored Z reading, as the report shows it.</summary>
    public static SalesReport FromZ(ZReading z, StoreDayEnd dayEnd, DateTimeOffset now) =>
        new(
            BusinessDay: z.BusinessDay,
            Reading: SalesReport.ZReading,
            GeneratedAt: now,
            GrossSales: z.GrossSales,
            VatableSales: z.VatableSales,
            Vat: z.Vat,
            VatExemptSales: z.VatExemptSales,
            ZeroRatedSales: z.ZeroRatedSales,
            Discounts: [new DiscountTotal(DiscountKind.Senior, z.SeniorDiscounts, z.SeniorDiscountAmount),
                new DiscountTotal(DiscountKind.Pwd, z.PwdDiscounts, z.PwdDiscountAmount)],
            TotalDiscount: z.TotalDiscount,
            NetSales: z.NetSales,
            Transactions: z.Transactions,
            CancelledOrders: z.CancelledOrders,
            ExpiredOrders: z.ExpiredOrders,
            FirstInvoiceNumber: z.FirstInvoiceNumber,
            LastInvoiceNumber: z.LastInvoiceNumber,
            CashExpected: z.CashExpected,
            AccumulatedGrandTotal: z.GrandTotalAfter,
            SalesPerHour: System.Text.Json.JsonSerializer.Deserialize<List<HourlySales>>(z.SalesPerHour, ZReadings.Json) ?? [])
        {
            AccumulatedGrandTotalBefore = z.GrandTotalBefore,
            DayEndsAt = dayEnd.EndOf(z.BusinessDay),
            DayEnded = true,
            ZNumber = z.ZNumber,
            ClosedAt = z.ClosedAt,
        };
}

[OpenApiExample("""
    {
      "businessDay": "2026-11-26", "reading": "Z", "generatedAt": "2026-11-27T09:00:00+00:00",
      "grossSales": 672.00, "vatableSales": 200.00, "vat": 24.00, "vatExemptSales": 400.00, "zeroRatedSales": 0.00,
      "discounts": [{ "kind": "SENIOR", "count": 2, "amount": 80.00 }, { "kind": "PWD", "count": 0, "amount": 0.00 }],
      "totalDiscount": 80.00, "netSales": 544.00, "transactions": 2, "cancelledOrders": 1, "expiredOrders": 0,
      "firstInvoiceNumber": "SI-00000041", "lastInvoiceNumber": "SI-00000042", "cashExpected": 544.00,
      "accumulatedGrandTotal": 15230.00,
      "salesPerHour": [{ "hour": 0, "sales": 0.00, "transactions": 0 }],
      "accumulatedGrandTotalBefore": 14686.00, "dayEndsAt": "2026-11-26T16:00:00+00:00", "dayEnded": true,
      "zNumber": 7, "closedAt": "2026-11-26T16:05:00+00:00"
    }
    """)]
public sealed record SalesReport(
    DateOnly BusinessDay, string Reading, DateTimeOffset GeneratedAt,
    decimal GrossSales, decimal VatableSales, decimal Vat, decimal VatExemptSales, decimal ZeroRatedSales,
    IReadOnlyList<DiscountTotal> Discounts, decimal TotalDiscount, decimal NetSales, int Transactions,
    int CancelledOrders, int ExpiredOrders, string? FirstInvoiceNumber, string? LastInvoiceNumber,
    decimal CashExpected, decimal AccumulatedGrandTotal, IReadOnlyList<HourlySales> SalesPerHour)
{
    public const string XReading = "X";
    public const string ZReading = "Z";

    /// <summary>Every peso taken before this day; <see cref="AccumulatedGrandTotal"/> is this plus the day's net sales.</summary>
    public decimal AccumulatedGrandTotalBefore { get; init; }

    /// <summary>When the day stops taking payments (Kiosk:DayEnd); it can be closed from then on.</summary>
    public DateTimeOffset DayEndsAt { get; init; }

    public bool DayEnded { get; init; }

    /// <summary>The Z reading's sequential number; null while the day is not closed (an X reading).</summary>
    public long? ZNumber { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }
}

[OpenApiExample("""
    { "kind": "SENIOR", "count": 2, "amount": 80.00 }
    """)]
public sealed record DiscountTotal(string Kind, int Count, decimal Amount);

/// <summary>Sales in one hour of the store's local day (0–23).</summary>
[OpenApiExample("""
    { "hour": 12, "sales": 544.00, "transactions": 2 }
    """)]
public sealed record HourlySales(int Hour, decimal Sales, int Transactions);
