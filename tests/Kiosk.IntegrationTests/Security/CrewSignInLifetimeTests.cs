using System.Diagnostics;

namespace Kiosk.IntegrationTests.Security;

/// <summary>
/// How long a crew sign-in lasts (Kiosk:Web:CrewIdleTimeout and ShiftLength, seconds here instead of 30 minutes and
/// 10 hours): it ends after the idle timeout without a request, each request within the window extends it, and the shift
/// ends it however busy the crew member is.
/// </summary>
[Collection(EdgeCollection.Name)]
public sealed class CrewSignInLifetimeTests(EdgeFixture fixture)
{
    /// <summary>Well under half the idle timeout: the cookie is renewed once half of it has passed.</summary>
    private static readonly TimeSpan Tap = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task A_crew_member_idle_past_the_timeout_must_sign_in_again()
    {
        using var crew = await SignedInKitchenAsync();
        Assert.True(await OpensKitchenAsync(crew), "signed in just now");

        await Task.Delay(EdgeFixture.CrewIdleTimeout + TimeSpan.FromSeconds(2));

        Assert.False(await OpensKitchenAsync(crew), "still signed in after the idle timeout");
    }

    [Fact]
    public async Task Taps_keep_a_crew_member_signed_in_past_the_idle_timeout_until_the_shift_ends()
    {
        var sinceSignIn = Stopwatch.StartNew();
        using var crew = await SignedInKitchenAsync();
        var deadline = EdgeFixture.ShiftLength + TimeSpan.FromSeconds(10);
        var stillInPastIdleTimeout = false;

        while (await OpensKitchenAsync(crew))
        {
            stillInPastIdleTimeout |= sinceSignIn.Elapsed > EdgeFixture.CrewIdleTimeout + TimeSpan.FromSeconds(1);
            Assert.True(sinceSignIn.Elapsed < deadline, $"still signed in {deadline.TotalSeconds:0} s after signing in, past the shift");
            await Task.Delay(Tap);
        }

        Assert.True(stillInPastIdleTimeout, "signed out within the idle timeout while tapping every half second");
        // The shift counts from the PIN (in whole seconds, so up to one earlier than the stopwatch started).
        Assert.True(sinceSignIn.Elapsed > EdgeFixture.ShiftLength - TimeSpan.FromSeconds(1),
            $"signed out after {sinceSignIn.Elapsed.TotalSeconds:0.0} s, before the shift of {EdgeFixture.ShiftLength.TotalSeconds:0} s was over");

        // A new sign-in starts a new shift.
        await crew.SignInAsync(KioskAppFixture.KitchenForTests);
        Assert.True(await OpensKitchenAsync(crew), "signed in again after the shift");
    }

    private async Task<CrewSignIn> SignedInKitchenAsync()
    {
        var crew = new CrewSignIn(fixture.GatewayUrl);
        try
        {
            await crew.SignInAsync(KioskAppFixture.KitchenForTests);
            return crew;
        }
        catch
        {
            crew.Dispose();
            throw;
        }
    }

    /// <summary>True when the kitchen screen opens; false when the crew member is sent to sign in.</summary>
    private static async Task<bool> OpensKitchenAsync(CrewSignIn crew)
    {
        using var response = await crew.Http.GetAsync("/staff/kitchen");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return true;
        }
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"/staff/kitchen answered {(int)response.StatusCode}");
        Assert.StartsWith("/staff/signin", response.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
        return false;
    }
}
