using Kiosk.Web.Pages.Staff;

namespace Kiosk.UnitTests.Web;

/// <summary>
/// What a locked-out address reads. The throttle itself counts in the web database with one SQL upsert; its behaviour is
/// proved against PostgreSQL and two web replicas in the integration tests (Security/FirstRunSetupTests).
/// </summary>
public sealed class SignInThrottleTests
{
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
