using System.Globalization;
using System.Net;
using System.Security.Claims;
using Kiosk.Contracts;
using Kiosk.ServiceDefaults.Http;
using Kiosk.Web.Crew;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.UnitTests.Web;

public sealed class CrewPolicyTests
{
    [Theory]
    [InlineData(CrewPolicies.Cashier, "Cashier", true)]
    [InlineData(CrewPolicies.Cashier, "Manager", true)]
    [InlineData(CrewPolicies.Cashier, "Kitchen", false)]
    [InlineData(CrewPolicies.Kitchen, "Kitchen", true)]
    [InlineData(CrewPolicies.Kitchen, "Manager", true)]
    [InlineData(CrewPolicies.Kitchen, "Cashier", false)]
    [InlineData(CrewPolicies.Manager, "Manager", true)]
    [InlineData(CrewPolicies.Manager, "Cashier", false)]
    [InlineData(CrewPolicies.Manager, "Kitchen", false)]
    public async Task Each_policy_admits_its_roles_and_a_manager(string policy, string role, bool admitted)
    {
        var authorization = Authorization();
        var member = new CrewMember { Id = 7, DisplayName = "Ana", Roles = [role] };

        var result = await authorization.AuthorizeAsync(CrewClaims.For(member, DateTimeOffset.UtcNow), policy);

        Assert.Equal(admitted, result.Succeeded);
    }

    [Theory]
    [InlineData(CrewPolicies.Cashier)]
    [InlineData(CrewPolicies.Kitchen)]
    [InlineData(CrewPolicies.Manager)]
    public async Task A_visitor_without_a_sign_in_is_admitted_nowhere(string policy)
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, CrewRoles.Manager)]));

        Assert.False((await Authorization().AuthorizeAsync(anonymous, policy)).Succeeded);
    }

    [Fact]
    public void The_crew_claims_carry_the_agreed_identity()
    {
        var member = new CrewMember { Id = 12, DisplayName = "Ben", Roles = [CrewRoles.Cashier, CrewRoles.Kitchen] };

        var principal = CrewClaims.For(member, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

        Assert.Equal("12", principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("Ben", principal.Identity!.Name);
        Assert.Equal(["Cashier", "Kitchen"], principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.Equal("12:Ben", CrewClaims.ApprovedBy(member));
    }

    [Theory]
    [InlineData(500.00, false)]
    [InlineData(500.01, true)]
    [InlineData(89.60, false)]
    public void A_discount_above_the_threshold_needs_a_manager(decimal discount, bool needsManager) =>
        Assert.Equal(needsManager, DiscountApproval.NeedsManager(discount));

    [Fact]
    public void The_shift_ends_a_sign_in_however_busy_the_crew_member_was()
    {
        var signedIn = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
        var claim = signedIn.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var shift = TimeSpan.FromHours(10);

        Assert.False(CrewClaims.ShiftIsOver(claim, signedIn.AddHours(9.9), shift));
        Assert.True(CrewClaims.ShiftIsOver(claim, signedIn.AddHours(10).AddSeconds(1), shift));
        Assert.True(CrewClaims.ShiftIsOver(null, signedIn, shift));
    }

    [Fact]
    public void Roles_are_kept_known_once_each_in_order()
    {
        Assert.Equal(["Cashier", "Manager"], CrewRoles.Normalise(["manager", "Cashier", "cashier", "Janitor", null]));
    }

    [Theory]
    [InlineData("1234", true)]
    [InlineData("123456789012", true)]
    [InlineData("123", false)]
    [InlineData("1234567890123", false)]
    [InlineData("12a4", false)]
    [InlineData("", false)]
    public void A_pin_is_four_to_twelve_digits(string pin, bool valid) =>
        Assert.Equal(valid, CrewAccounts.PinProblem(pin) is null);

    [Fact]
    public void Forwarded_headers_are_trusted_only_from_the_configured_proxies_not_every_loopback_peer()
    {
        var options = new ForwardedHeadersOptions();

        ForwardedHeadersSetup.Configure(options, ["127.0.0.9", "10.1.0.0/16"]);

        Assert.Equal([IPAddress.Parse("127.0.0.9")], options.KnownProxies);
        Assert.Single(options.KnownIPNetworks);
        Assert.True(options.KnownIPNetworks[0].Contains(IPAddress.Parse("10.1.2.3")));
        Assert.DoesNotContain(IPAddress.Loopback, options.KnownProxies);
        Assert.False(options.KnownIPNetworks[0].Contains(IPAddress.Loopback));
        Assert.Equal(1, options.ForwardLimit);
    }

    [Fact]
    public void Nothing_configured_trusts_nobody()
    {
        var options = new ForwardedHeadersOptions();

        ForwardedHeadersSetup.Configure(options, []);

        Assert.Empty(options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
    }

    private static IAuthorizationService Authorization() =>
        new ServiceCollection().AddLogging().AddAuthorization(CrewPolicies.Add).BuildServiceProvider()
            .GetRequiredService<IAuthorizationService>();
}
