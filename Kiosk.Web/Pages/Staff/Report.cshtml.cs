namespace Kiosk.Web.Pages.Staff;

/// <summary>
/// The day's sales reading: X (figures so far) until the crew close the ended day, then its stored Z reading; printable,
/// with sales per hour.
/// </summary>
public sealed class ReportModel(PaymentsClient payments, StoreClock clock) : PageModel
{
    public const int ChartWidth = 288;
    public const int ChartHeight = 120;

    public SalesReport? Report { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>Said once after the day was closed.</summary>
    [TempData]
    public string? Closed { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Day { get; set; }

    public string GeneratedAtText => Report is null ? "" : clock.DateAndTime(Report.GeneratedAt);

    public string ClosedAtText => Report?.ClosedAt is { } closedAt ? clock.DateAndTime(closedAt) : "";

    public string DayEndsAtText => Report is null ? "" : clock.DateAndTime(Report.DayEndsAt);

    /// <summary>An ended day not closed yet: the crew can store its Z reading.</summary>
    public bool CanClose => Report is { ZNumber: null, DayEnded: true };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var report = await payments.DailyReportAsync(Day, ct);
        if (report.Succeeded)
        {
            Report = report.Value;
        }
        else
        {
            Problem = ProblemText.ForStaff(report.Problem, "load the sales report");
        }
    }

    /// <summary>"Close the day (Z reading)": stores the day's Z reading (once), then shows it.</summary>
    public async Task<IActionResult> OnPostCloseAsync(DateOnly businessDay, CancellationToken ct)
    {
        var closed = await payments.CloseDayAsync(businessDay, ct);
        if (closed.Succeeded)
        {
            Closed = $"Business day {businessDay:yyyy-MM-dd} is closed: Z reading #{closed.Value!.ZNumber} stored.";
            return RedirectToPage(new { day = businessDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        }

        Day = businessDay;
        await OnGetAsync(ct);
        Problem = ProblemText.ForStaff(closed.Problem!, "close the day");
        return Page();
    }

    public static string HourLabel(int hour, double x) => string.Create(CultureInfo.InvariantCulture,
        $"<text x=\"{x:0.##}\" y=\"{ChartHeight - 2}\" font-size=\"9\">{hour:00}</text>");

    /// <summary>One bar per hour, scaled to the busiest hour; an hour without sales has no bar.</summary>
    public static IEnumerable<(int Hour, double X, double Y, double Width, double Height, decimal Sales)> Bars(SalesReport report)
    {
        var max = report.SalesPerHour.Count == 0 ? 0m : report.SalesPerHour.Max(h => h.Sales);
        var slot = ChartWidth / 24.0;
        const double plot = ChartHeight - 14;
        foreach (var hour in report.SalesPerHour)
        {
            var height = max == 0 ? 0 : (double)(hour.Sales / max) * plot;
            yield return (hour.Hour, hour.Hour * slot + 1, plot - height, slot - 2, height, hour.Sales);
        }
    }
}
