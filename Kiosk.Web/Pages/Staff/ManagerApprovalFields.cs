using Kiosk.Web.Crew;

namespace Kiosk.Web.Pages.Staff;

/// <summary>The "manager approves on the spot" fields inside a cashier form; <paramref name="Prefix"/> keeps their ids unique.</summary>
public sealed record ManagerApprovalFields(string Prefix, IReadOnlyList<CrewMember> Managers);
