using Kiosk.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;

namespace Kiosk.Audit;

/// <summary>Who a request acts for, as far as this service can tell.</summary>
public sealed record ActingCrew(string CrewId, string? CrewName, string? CrewRole, string? ApprovedBy, string? ClientAddress)
{
    /// <summary>A change no request made: a background sweep, a consumed event.</summary>
    public const string System = "system";

    /// <summary>
    /// The crew headers of a request the staff API key authenticated; a key without them is the machine client. On any
    /// other request the headers are ignored: a caller without the key could claim to be anyone.
    /// </summary>
    public static ActingCrew From(HttpContext? context)
    {
        if (context is null)
        {
            return new ActingCrew(System, null, null, null, null);
        }
        var connectionAddress = context.Connection.RemoteIpAddress?.ToString();
        if (context.User.Identity is not { IsAuthenticated: true, AuthenticationType: StaffApiKey.Scheme })
        {
            return new ActingCrew("anonymous", null, null, null, connectionAddress);
        }

        var headers = context.Request.Headers;
        string? Read(string name) => CrewHeaders.Decode(headers[name].ToString());
        return Read(CrewHeaders.CrewId) is { } crewId
            ? new ActingCrew(crewId, Read(CrewHeaders.CrewName), Read(CrewHeaders.CrewRole), Read(CrewHeaders.ApprovedBy),
                Read(CrewHeaders.ClientAddress) ?? connectionAddress)
            : new ActingCrew(CrewHeaders.MachineClient, null, null, null, connectionAddress);
    }
}
