using Kiosk.Web.Clients;
using Kiosk.Web.Pages.Staff;

namespace Kiosk.UnitTests.Web;

public sealed class CounterPagesTests
{
    [Fact]
    public void The_discount_form_sends_filled_rows_only_and_keeps_half_filled_ones_for_the_service_to_name()
    {
        var form = new DiscountForm
        {
            Kind = "SENIOR",
            Diners = 3,
            Names = [" Lourdes Santos ", "", "Ben Reyes", null],
            IdNumbers = ["SC-1", "", null, null],
        };

        var input = form.ToInput();

        Assert.NotNull(input);
        Assert.Equal(("SENIOR", 3), (input.Kind, input.Diners));
        Assert.Equal([new DiscountHolder("Lourdes Santos", "SC-1"), new DiscountHolder("Ben Reyes", "")], input.Holders);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("NONE")]
    public void Without_a_kind_there_is_no_discount(string? kind) =>
        Assert.Null(new DiscountForm { Kind = kind, Diners = 2, Names = ["A"], IdNumbers = ["1"] }.ToInput());

    [Fact]
    public void The_report_chart_scales_bars_to_the_busiest_hour_and_draws_none_for_quiet_hours()
    {
        var hours = Enumerable.Range(0, 24).Select(h => new HourlySales(h, h switch { 11 => 500.00m, 12 => 1000.00m, _ => 0.00m }, h is 11 or 12 ? 1 : 0)).ToList();
        var report = new SalesReport(new DateOnly(2026, 11, 25), "X", DateTimeOffset.UnixEpoch, 1500m, 0m, 0m, 0m, 0m, [], 0m, 1500m, 2, 0, 0,
            "SI-00000001", "SI-00000002", 1500m, 1500m, hours);

        var bars = ReportModel.Bars(report).ToList();

        Assert.Equal(24, bars.Count);
        Assert.Equal(2, bars.Count(b => b.Height > 0));
        Assert.Equal(bars[12].Height / 2, bars[11].Height, precision: 6);
        Assert.Equal(ReportModel.ChartHeight - 14, bars[12].Height, precision: 6);
    }
}
