using System.Data;
using System.Text.Json;

namespace Kiosk.Payments.Apis;

/// <summary>
/// Closing a business day: its sales report is stored once as the day's Z reading, with the next Z number and the
/// accumulated grand total. The database keeps one reading per day and one day per Z number, so however many closes race,
/// one commits and the others answer the stored reading.
/// </summary>
public static class ZReadings
{
    // Each conflict on the Z number means another day was closed meanwhile; a close takes at most one round per rival.
    private const int MaxNumberingRounds = 20;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteHandlerBuilder MapZReadingApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/payments/reports/daily/close", CloseDay)
            .WithTags("Payments")
            .WithName("CloseBusinessDay")
            .WithSummary("Staff: close a business day — store its Z reading (once; never changed afterwards)")
            .WithDescription(
                "Body `{ \"businessDay\": \"2026-11-26\" }`; without it (or with an empty body) the latest business day whose "
                + "day end (Kiosk:DayEnd) has passed, normally yesterday. 201 with the stored Z reading and `Location` of its report "
                + "when this call closed the day; 200 with the same stored reading when the day was already closed (closing twice "
                + "stores nothing more). Z numbers run 1, 2, 3… in the order days are closed; `accumulatedGrandTotal` never resets. "
                + "400: businessDay not a date. 409: the day is still open for payment (its day end has not passed).")
            .RequireStaffApiKey()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<Results<Created<SalesReport>, Ok<SalesReport>, ValidationProblem, ProblemHttpResult>> CloseDay(
        CloseDayRequest? request, PaymentsDbContext db, StoreDayEnd dayEnd, TimeProvider clock, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DateOnly businessDay;
        if (string.IsNullOrWhiteSpace(request?.BusinessDay))
        {
            businessDay = LatestEndedDay(dayEnd, now);
        }
        else if (!SalesReports.TryParseDay(request.BusinessDay, out businessDay))
        {
            return SalesReports.InvalidDay("businessDay", request.BusinessDay);
        }

        if (await FindAsync(db, businessDay, cancellationToken) is { } closed)
        {
            return TypedResults.Ok(SalesReports.FromZ(closed, dayEnd, now));
        }
        if (!dayEnd.HasEnded(businessDay, now))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Business day still open",
                detail: $"Business day {businessDay:yyyy-MM-dd} takes payments until {dayEnd.EndOf(businessDay):u}; close it (Z reading) after that. "
                    + "Its figures so far are the X reading.",
                extensions: new Dictionary<string, object?> { ["dayEndsAt"] = dayEnd.EndOf(businessDay) });
        }

        for (var round = 1; ; round++)
        {
            try
            {
                await StoreAsync(db, dayEnd, businessDay, clock, audit, cancellationToken);
                // Answered as stored, so this answer and every later one read the same.
                var z = await FindAsync(db, businessDay, cancellationToken) ?? throw new InvalidOperationException($"Z reading of {businessDay} vanished.");
                return TypedResults.Created(
                    $"/api/payments/reports/daily?businessDay={businessDay:yyyy-MM-dd}", SalesReports.FromZ(z, dayEnd, now));
            }
            catch (DbUpdateException ex) when (round < MaxNumberingRounds
                && (ex.IsUniqueViolation() || ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.SerializationFailure }))
            {
                db.ChangeTracker.Clear();
                // The same day closed by a rival: its reading is the answer. Otherwise only the Z number was taken: next round.
                if (await FindAsync(db, businessDay, cancellationToken) is { } rival)
                {
                    return TypedResults.Ok(SalesReports.FromZ(rival, dayEnd, now));
                }
            }
        }
    }

    /// <summary>The report's figures and the next Z number, read from one snapshot and stored in one commit.</summary>
    private static Task StoreAsync(
        PaymentsDbContext db, StoreDayEnd dayEnd, DateOnly businessDay, TimeProvider clock, AuditTrail audit,
        CancellationToken cancellationToken) =>
        // The connection's retry policy repeats the whole transaction after a dropped connection, never a part of it.
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await StoreInTransactionAsync(db, dayEnd, businessDay, clock, audit, cancellationToken);
        });

    private static async Task StoreInTransactionAsync(
        PaymentsDbContext db, StoreDayEnd dayEnd, DateOnly businessDay, TimeProvider clock, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var closedAt = clock.GetUtcNowForDatabase();
        var report = await SalesReports.ComputeAsync(db, dayEnd, businessDay, closedAt, cancellationToken);
        var lastNumber = await db.ZReadings.MaxAsync(z => (long?)z.ZNumber, cancellationToken) ?? 0;
        var discounts = report.Discounts.ToDictionary(d => d.Kind);
        var z = new ZReading
        {
            BusinessDay = businessDay,
            ZNumber = lastNumber + 1,
            ClosedAt = closedAt,
            GrossSales = report.GrossSales,
            VatableSales = report.VatableSales,
            Vat = report.Vat,
            VatExemptSales = report.VatExemptSales,
            ZeroRatedSales = report.ZeroRatedSales,
            SeniorDiscounts = discounts[DiscountKind.Senior].Count,
            SeniorDiscountAmount = discounts[DiscountKind.Senior].Amount,
            PwdDiscounts = discounts[DiscountKind.Pwd].Count,
            PwdDiscountAmount = discounts[DiscountKind.Pwd].Amount,
            TotalDiscount = report.TotalDiscount,
            NetSales = report.NetSales,
            Transactions = report.Transactions,
            CancelledOrders = report.CancelledOrders,
            ExpiredOrders = report.ExpiredOrders,
            FirstInvoiceNumber = report.FirstInvoiceNumber,
            LastInvoiceNumber = report.LastInvoiceNumber,
            CashExpected = report.CashExpected,
            GrandTotalBefore = report.AccumulatedGrandTotalBefore,
            GrandTotalAfter = report.AccumulatedGrandTotal,
            SalesPerHour = JsonSerializer.Serialize(report.SalesPerHour, Json),
        };
        db.ZReadings.Add(z);
        // Who closed the day, in the same commit as the reading.
        audit.Record(db, "day.closed", $"{businessDay:yyyy-MM-dd}", new
        {
            BusinessDay = $"{businessDay:yyyy-MM-dd}", z.ZNumber, z.GrossSales, z.NetSales, z.Transactions,
            z.FirstInvoiceNumber, z.LastInvoiceNumber, z.GrandTotalAfter,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The most recent business day that no longer takes payments: yesterday with the default day end.</summary>
    public static DateOnly LatestEndedDay(StoreDayEnd dayEnd, DateTimeOffset now)
    {
        var day = dayEnd.Calendar.DayOf(now);
        while (!dayEnd.HasEnded(day, now))
        {
            day = day.AddDays(-1);
        }
        return day;
    }

    private static Task<ZReading?> FindAsync(PaymentsDbContext db, DateOnly businessDay, CancellationToken cancellationToken) =>
        db.ZReadings.AsNoTracking().SingleOrDefaultAsync(z => z.BusinessDay == businessDay, cancellationToken);
}

/// <summary>Which business day to close; none closes the latest day whose day end has passed.</summary>
[OpenApiExample("""
    { "businessDay": "2026-11-26" }
    """)]
public sealed record CloseDayRequest(string? BusinessDay);
