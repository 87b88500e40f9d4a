using Microsoft.AspNetCore.Authorization;

namespace Kiosk.Web.Crew;

/// <summary>The crew roles, and the authorization policies the staff screens are guarded by.</summary>
public static class CrewRoles
{
    public const string Cashier = "Cashier";
    public const string Kitchen = "Kitchen";
    public const string Manager = DiscountApproval.ManagerRole;

    public static IReadOnlyList<string> All { get; } = [Cashier, Kitchen, Manager];

    /// <summary>Keeps the known roles, in their usual order, once each; anything else is dropped.</summary>
    public static List<string> Normalise(IEnumerable<string?> roles) =>
        [.. All.Where(role => roles.Any(r => string.Equals(r?.Trim(), role, StringComparison.OrdinalIgnoreCase)))];
}

/// <summary>Policy names: a manager may do everything a cashier or a kitchen crew member may.</summary>
public static class CrewPolicies
{
    /// <summary>The cashier screen and sales invoices: Cashier or Manager.</summary>
    public const string Cashier = "crew:cashier";
    /// <summary>The kitchen screen: Kitchen or Manager.</summary>
    public const string Kitchen = "crew:kitchen";
    /// <summary>Stock, the report, crew and audit screens; cancellations and large discounts unless a manager approves on the spot.</summary>
    public const string Manager = "crew:manager";

    /// <summary>The roles each policy accepts.</summary>
    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [Cashier] = [CrewRoles.Cashier, CrewRoles.Manager],
        [Kitchen] = [CrewRoles.Kitchen, CrewRoles.Manager],
        [Manager] = [CrewRoles.Manager],
    };

    /// <summary>Registers each policy: a signed-in crew member holding one of its roles.</summary>
    public static void Add(AuthorizationOptions options)
    {
        foreach (var (policy, roles) in Roles)
        {
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }
    }
}
