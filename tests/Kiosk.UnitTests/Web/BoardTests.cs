using Kiosk.Contracts;
using Kiosk.Web.Clients;
using Kiosk.Web.Display;
using Kiosk.Web.Pages;
using Microsoft.Extensions.Configuration;

namespace Kiosk.UnitTests.Web;

public sealed class BoardTests
{
    private static readonly TimeSpan Manila = TimeSpan.FromHours(8);

    private static Order CompletedAt(int number, DateTimeOffset at) =>
        new(Guid.NewGuid(), number, OrderStatus.Completed, DiningOptions.DineIn, [], 99m, 88.39m, 10.61m, at.AddMinutes(-10), at.AddMinutes(-8), at);

    [Fact]
    public void Ready_shows_only_todays_numbers_newest_first()
    {
        var clock = StoreClock.FromConfiguration(new ConfigurationBuilder().Build(), new ManualClock()); // 25 Nov, 09:00 Manila
        Order[] completed =
        [
            CompletedAt(57, new DateTimeOffset(2026, 11, 24, 23, 50, 0, Manila)), // last night's 57
            CompletedAt(5, new DateTimeOffset(2026, 11, 24, 14, 0, 0, Manila)),   // yesterday's 5, not this morning's
            CompletedAt(1, new DateTimeOffset(2026, 11, 25, 8, 40, 0, Manila)),
            CompletedAt(3, new DateTimeOffset(2026, 11, 25, 8, 55, 0, Manila)),
            CompletedAt(2, new DateTimeOffset(2026, 11, 25, 8, 50, 0, Manila)),
        ];

        Assert.Equal([3, 2, 1], BoardModel.ReadyNumbers(completed, clock));
    }

    [Fact]
    public void Ready_shows_at_most_ten_numbers()
    {
        var clock = StoreClock.FromConfiguration(new ConfigurationBuilder().Build(), new ManualClock());
        var morning = new DateTimeOffset(2026, 11, 25, 7, 0, 0, Manila);
        var completed = Enumerable.Range(1, 15).Select(n => CompletedAt(n, morning.AddMinutes(n)));

        Assert.Equal([15, 14, 13, 12, 11, 10, 9, 8, 7, 6], BoardModel.ReadyNumbers(completed, clock));
    }
}
