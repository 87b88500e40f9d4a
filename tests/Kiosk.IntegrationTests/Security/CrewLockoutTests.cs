using Aspire.Hosting.Testing;

namespace Kiosk.IntegrationTests.Security;

/// <summary>
/// The sign-in lockouts against someone who reaches the web app's own port (not through the gateway) and forges
/// X-Forwarded-For: the app trusts that header only from the gateway's address, so the guesser stays one address; and a
/// crew account locks after its wrong PINs whichever addresses they came from. Each guesser connects from its own
/// loopback address, so this suite's browsers (127.0.0.1) are never locked out.
/// </summary>
[Collection(KioskCollection.Name)]
public sealed class CrewLockoutTests(KioskAppFixture app)
{
    private const int AllowedWrongPins = 5; // Kiosk:Web:SignInAttempts and AccountSignInAttempts, left at their defaults

    [Fact]
    public async Task Forged_forwarded_addresses_sent_straight_to_the_web_app_do_not_escape_the_address_lockout()
    {
        using var guesser = new CrewSignIn(app.App.GetEndpoint("web", "http"), "127.0.0.5");
        var cashierId = await guesser.CrewIdAsync(app.Cashier.Name);

        for (var attempt = 1; attempt < AllowedWrongPins; attempt++)
        {
            var (status, body) = await guesser.PostAsync(999_999, "0000", forwardedFor: $"192.0.2.{attempt}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("That PIN is not right", body, StringComparison.Ordinal);
        }
        var (lockedStatus, lockedBody) = await guesser.PostAsync(999_999, "0000", forwardedFor: "192.0.2.99");
        Assert.Equal(HttpStatusCode.TooManyRequests, lockedStatus);
        Assert.Contains("Too many wrong PINs", lockedBody, StringComparison.Ordinal);

        // A new made-up address and even a real crew member's right PIN: still the same locked-out peer.
        var (status2, body2) = await guesser.PostAsync(cashierId, app.Cashier.Pin, forwardedFor: "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, status2);
        Assert.Contains("Too many wrong PINs", body2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crew_account_locks_after_its_wrong_pins_whichever_addresses_they_came_from()
    {
        var web = app.App.GetEndpoint("web", "http");
        int targetId;
        using (var first = new CrewSignIn(web, "127.0.0.30"))
        {
            targetId = await first.CrewIdAsync(KioskAppFixture.LockoutTargetForTests.Name);
        }

        for (var attempt = 1; attempt <= AllowedWrongPins; attempt++)
        {
            using var guesser = new CrewSignIn(web, $"127.0.0.{30 + attempt}");
            var (status, body) = await guesser.PostAsync(targetId, $"99{attempt}99", forwardedFor: $"198.51.100.{attempt}");
            if (attempt < AllowedWrongPins)
            {
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Contains("That PIN is not right", body, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, status);
                Assert.Contains("This crew account is locked", body, StringComparison.Ordinal);
            }
        }

        // From yet another address, with the right PIN: the account waits out its lockout.
        using var owner = new CrewSignIn(web, "127.0.0.50");
        var (ownerStatus, ownerBody) = await owner.PostAsync(targetId, KioskAppFixture.LockoutTargetForTests.Pin, forwardedFor: null);
        Assert.Equal(HttpStatusCode.TooManyRequests, ownerStatus);
        Assert.Contains("This crew account is locked", ownerBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_pin_straight_at_the_web_app_signs_in()
    {
        using var crew = new CrewSignIn(app.App.GetEndpoint("web", "http"), "127.0.0.60");
        var (status, _) = await crew.PostAsync(await crew.CrewIdAsync(app.Kitchen.Name), app.Kitchen.Pin, forwardedFor: "192.0.2.1");

        Assert.Equal(HttpStatusCode.Redirect, status);
    }
}
