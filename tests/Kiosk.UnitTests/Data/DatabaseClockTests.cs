using Kiosk.Data;

namespace Kiosk.UnitTests.Data;

public sealed class DatabaseClockTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Now_is_cut_to_the_microseconds_postgres_keeps()
    {
        var now = new DateTimeOffset(2026, 11, 25, 9, 30, 15, TimeSpan.Zero).AddTicks(1_234_567);

        var stored = new FixedClock(now).GetUtcNowForDatabase();

        Assert.Equal(now.AddTicks(-7), stored);
        Assert.Equal(0, stored.Ticks % 10);
    }
}
