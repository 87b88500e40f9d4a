using System.Text;

namespace Kiosk.ServiceDefaults.Http;

/// <summary>
/// The crew member behind a staff call, as the web app saw them. The web sends these with the staff API key; a service
/// believes them only on a request the key authenticated (anyone else could make them up) and records them in its audit
/// trail. Values are percent-encoded on the wire (names are not ASCII-only) and cut to <see cref="MaxLength"/>.
/// </summary>
public static class CrewHeaders
{
    public const string CrewId = "X-Kiosk-Crew-Id";
    public const string CrewName = "X-Kiosk-Crew-Name";
    /// <summary>The crew member's roles, comma-separated (Cashier, Kitchen, Manager).</summary>
    public const string CrewRole = "X-Kiosk-Crew-Role";
    /// <summary><c>managerId:managerName</c> when a manager approved the action on the spot.</summary>
    public const string ApprovedBy = "X-Kiosk-Crew-Approved-By";
    /// <summary>The crew member's address as the web app sees it.</summary>
    public const string ClientAddress = "X-Kiosk-Client-Address";

    /// <summary>What the web app puts in <c>HttpContext.Items</c> when a manager approves an action on the spot.</summary>
    public const string ApprovedByItem = "kiosk.crew.approved-by";

    /// <summary>The crew id recorded for a call with the staff API key and no crew member: a machine client.</summary>
    public const string MachineClient = "staff-api-key";

    public const int MaxLength = 200;

    public static IReadOnlyList<string> All { get; } = [CrewId, CrewName, CrewRole, ApprovedBy, ClientAddress];

    /// <summary>A value fit for a header: control characters dropped, cut to <see cref="MaxLength"/>, percent-encoded.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(Clean(value));

    /// <summary>The header's value decoded and cleaned, or null when it is missing or empty.</summary>
    public static string? Decode(string? headerValue)
    {
        if (string.IsNullOrWhiteSpace(headerValue))
        {
            return null;
        }
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(headerValue.Length > MaxLength * 4 ? headerValue[..(MaxLength * 4)] : headerValue);
        }
        catch (UriFormatException)
        {
            decoded = headerValue;
        }
        var clean = Clean(decoded);
        return clean.Length == 0 ? null : clean;
    }

    private static string Clean(string value)
    {
        var text = new StringBuilder(Math.Min(value.Length, MaxLength));
        foreach (var c in value)
        {
            if (text.Length == MaxLength)
            {
                break;
            }
            if (!char.IsControl(c) && !char.IsSurrogate(c))
            {
                text.Append(c);
            }
        }
        return text.ToString().Trim();
    }
}
