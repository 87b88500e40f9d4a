namespace Kiosk.Web.Crew;

/// <summary>One row of the web app's append-only audit trail: who did what, when, from where, and whether it worked.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>What happened, e.g. <c>signin.success</c>, <c>crew.add</c>, <c>order.cancel</c> (see <see cref="AuditActions"/>).</summary>
    public required string Action { get; set; }
    /// <summary>What it happened to: a crew number, an order id, an item.</summary>
    public string? Subject { get; set; }
    public string? CrewId { get; set; }
    public string? CrewName { get; set; }
    public string? CrewRole { get; set; }
    /// <summary>The manager who authorised it on the spot, as <c>id:name</c>.</summary>
    public string? ApprovedBy { get; set; }
    public string? ClientAddress { get; set; }
    public string? Details { get; set; }
    public bool Success { get; set; }
}

/// <summary>The actions the web app records.</summary>
public static class AuditActions
{
    public const string SignInSuccess = "signin.success";
    public const string SignInFailure = "signin.failure";
    public const string SignInLockedOut = "signin.lockout";
    public const string SignOut = "signout";
    public const string Setup = "crew.setup";
    public const string CrewAdd = "crew.add";
    public const string CrewEnable = "crew.enable";
    public const string CrewDisable = "crew.disable";
    public const string CrewResetPin = "crew.reset-pin";
    public const string CrewRoles = "crew.roles";
    public const string ManagerApproval = "manager.approval";
    public const string OrderCancel = "order.cancel";
    public const string Payment = "payment";
    public const string StockChange = "stock.change";

    public static IReadOnlyList<string> All { get; } =
    [
        SignInSuccess, SignInFailure, SignInLockedOut, SignOut, Setup, CrewAdd, CrewEnable, CrewDisable, CrewResetPin,
        CrewRoles, ManagerApproval, OrderCancel, Payment, StockChange,
    ];
}
