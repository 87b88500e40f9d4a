using System.Net;
using System.Security.Claims;
using Kiosk.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;

namespace Kiosk.UnitTests.Security;

public sealed class CrewHeadersTests
{
    [Fact]
    public void A_name_survives_the_wire_and_control_characters_and_excess_length_do_not()
    {
        Assert.Equal("Ana Reyes Ñiño", CrewHeaders.Decode(CrewHeaders.Encode("Ana Reyes Ñiño")));
        Assert.Equal("AnaReyes", CrewHeaders.Decode("Ana%0D%0AReyes"));
        Assert.Equal(CrewHeaders.MaxLength, CrewHeaders.Decode(new string('x', 5000))!.Length);
        Assert.Null(CrewHeaders.Decode("  "));
        Assert.Equal("100%", CrewHeaders.Decode("100%"));
    }

    [Fact]
    public void The_web_sends_the_signed_in_crew_member_with_roles_approval_and_address()
    {
        var context = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "7"), new Claim(ClaimTypes.Name, "Ana"),
                new Claim(ClaimTypes.Role, "Cashier"), new Claim(ClaimTypes.Role, "Manager"),
            ], "Cookies")),
        };
        context.Items[CrewHeaders.ApprovedByItem] = "3:Maria";
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.168.1.20");

        var headers = StaffApiKeyClientHandler.ActingCrewHeaders(context).ToDictionary(h => h.Header, h => h.Value);

        Assert.Equal("7", headers[CrewHeaders.CrewId]);
        Assert.Equal("Ana", headers[CrewHeaders.CrewName]);
        Assert.Equal("Cashier,Manager", headers[CrewHeaders.CrewRole]);
        Assert.Equal("3:Maria", headers[CrewHeaders.ApprovedBy]);
        Assert.Equal("192.168.1.20", headers[CrewHeaders.ClientAddress]);
    }

    [Fact]
    public void Crew_headers_of_a_request_without_the_staff_key_are_not_passed_on()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[CrewHeaders.CrewId] = "someone";

        Assert.Empty(StaffApiKeyClientHandler.ActingCrewHeaders(context));
    }

    [Fact]
    public void A_service_answering_a_staff_call_passes_its_crew_headers_on()
    {
        var context = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "staff-api-client")], StaffApiKey.Scheme)),
        };
        context.Request.Headers[CrewHeaders.CrewId] = "7";
        context.Request.Headers[CrewHeaders.ApprovedBy] = "3%3AMaria";

        var headers = StaffApiKeyClientHandler.ActingCrewHeaders(context).ToDictionary(h => h.Header, h => h.Value);

        Assert.Equal("7", headers[CrewHeaders.CrewId]);
        Assert.Equal("3:Maria", headers[CrewHeaders.ApprovedBy]);
    }
}
