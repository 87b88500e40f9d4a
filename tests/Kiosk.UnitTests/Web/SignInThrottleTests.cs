using Kiosk.Web;
using Kiosk.Web.Pages.Staff;
using Kiosk.Web.Security;
using Microsoft.Extensions.Options;

namespace Kiosk.UnitTests.Web;

public sealed class SignInThrottleTests
{
    private const string Kiosk = "10.0.0.21";
    private const string Counter = "10.0.0.22";
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    private readonly ManualClock _clock = new();

    private SignInThrottle NewThrottle(int attempts = 5, int lockoutSeconds = 300) =>
        new(Options.Create(new KioskWebOptions { SignInAttempts = attempts, SignInLockoutSeconds = lockoutSeconds }), _clock);

    private static void FailTimes(SignInThrottle throttle, string client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            throttle.RecordFailure(client);
        }
    }

    [Fact]
    public void Four_wrong_pins_still_allow_a_fifth_try()
    {
        var throttle = NewThrottle();

        for (var i = 1; i <= 4; i++)
        {
            var failure = throttle.RecordFailure(Kiosk);
            Assert.Equal(new SignInFailure(i, 5, TimeSpan.Zero), failure);
            Assert.False(failure.LockedOut);
        }

        Assert.Equal(TimeSpan.Zero, throttle.LockedFor(Kiosk));
    }

    [Fact]
    public void The_fifth_wrong_pin_locks_that_address_out_for_the_lockout_period()
    {
        var throttle = NewThrottle();
        FailTimes(throttle, Kiosk, 4);

        var fifth = throttle.RecordFailure(Kiosk);

        Assert.True(fifth.LockedOut);
        Assert.Equal(5, fifth.Count);
        Assert.Equal(FiveMinutes, fifth.LockedFor);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(TimeSpan.FromMinutes(3), throttle.LockedFor(Kiosk));
    }

    [Fact]
    public void A_lockout_ends_after_its_period_and_counting_starts_again()
    {
        var throttle = NewThrottle();
        FailTimes(throttle, Kiosk, 5);

        _clock.Advance(FiveMinutes - TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.LockedFor(Kiosk));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, throttle.LockedFor(Kiosk));

        Assert.Equal(1, throttle.RecordFailure(Kiosk).Count);
    }

    [Fact]
    public void Only_wrong_pins_within_the_period_count()
    {
        var throttle = NewThrottle();
        FailTimes(throttle, Kiosk, 4);
        _clock.Advance(FiveMinutes + TimeSpan.FromSeconds(1));

        var next = throttle.RecordFailure(Kiosk);

        Assert.Equal(1, next.Count);
        Assert.False(next.LockedOut);
    }

    [Fact]
    public void Wrong_pins_spread_over_the_period_slide_out_one_by_one()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure(Kiosk);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
        // Now 4 minutes after the first: one more failure makes five within five minutes.
        Assert.True(throttle.RecordFailure(Kiosk).LockedOut);

        var other = NewThrottle();
        for (var i = 0; i < 4; i++)
        {
            other.RecordFailure(Counter);
            _clock.Advance(TimeSpan.FromMinutes(2));
        }
        // The first two are now older than five minutes: this is the third within the period.
        Assert.Equal(3, other.RecordFailure(Counter).Count);
    }

    [Fact]
    public void One_address_locked_out_does_not_lock_out_another()
    {
        var throttle = NewThrottle();
        FailTimes(throttle, Kiosk, 5);

        Assert.True(throttle.LockedFor(Kiosk) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, throttle.LockedFor(Counter));
        Assert.Equal(1, throttle.RecordFailure(Counter).Count);
    }

    [Fact]
    public void The_right_pin_forgives_earlier_typos()
    {
        var throttle = NewThrottle();
        FailTimes(throttle, Kiosk, 4);

        throttle.RecordSuccess(Kiosk);

        Assert.Equal(1, throttle.RecordFailure(Kiosk).Count);
    }

    [Fact]
    public void The_limits_come_from_configuration()
    {
        var throttle = NewThrottle(attempts: 2, lockoutSeconds: 30);

        Assert.False(throttle.RecordFailure(Kiosk).LockedOut);
        var second = throttle.RecordFailure(Kiosk);

        Assert.True(second.LockedOut);
        Assert.Equal(TimeSpan.FromSeconds(30), second.LockedFor);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.Zero, throttle.LockedFor(Kiosk));
    }

    [Fact]
    public void Nonsense_limits_still_lock_out_rather_than_allow_endless_guessing()
    {
        var throttle = NewThrottle(attempts: 0, lockoutSeconds: 0);

        var first = throttle.RecordFailure(Kiosk);

        Assert.True(first.LockedOut);
        Assert.Equal(TimeSpan.FromSeconds(1), first.LockedFor);
    }

    [Fact]
    public void Many_addresses_guessing_at_once_are_each_counted_exactly()
    {
        var throttle = NewThrottle(attempts: 1000);
        var clients = Enumerable.Range(1, 8).Select(i => $"10.0.1.{i}").ToArray();

        Parallel.ForEach(clients.SelectMany(c => Enumerable.Repeat(c, 100)), client => throttle.RecordFailure(client));

        Assert.All(clients, client => Assert.Equal(101, throttle.RecordFailure(client).Count));
    }

    [Theory]
    [InlineData(300, "Too many wrong PINs — wait 5 minutes or ask a manager.")]
    [InlineData(241, "Too many wrong PINs — wait 5 minutes or ask a manager.")]
    [InlineData(240, "Too many wrong PINs — wait 4 minutes or ask a manager.")]
    [InlineData(61, "Too many wrong PINs — wait 2 minutes or ask a manager.")]
    [InlineData(60, "Too many wrong PINs — wait 1 minute or ask a manager.")]
    [InlineData(1, "Too many wrong PINs — wait 1 minute or ask a manager.")]
    public void The_lockout_message_rounds_the_wait_up_to_whole_minutes(int seconds, string expected) =>
        Assert.Equal(expected, SignInModel.TooManyWrongPinsText(TimeSpan.FromSeconds(seconds)));
}
