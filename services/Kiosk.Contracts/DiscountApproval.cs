namespace Kiosk.Contracts;

/// <summary>
/// A senior / PWD discount above <see cref="Threshold"/> pesos needs a manager (a typical family meal for four stays
/// under it; a large group order is where a wrongly claimed discount costs the store most). The web app asks for a
/// manager's PIN on the spot; the payment service refuses the same discount from a crew member who is not a manager
/// and brings no approval.
/// </summary>
public static class DiscountApproval
{
    public const decimal Threshold = 500m;

    /// <summary>The crew role that may give such a discount, or approve it on the spot.</summary>
    public const string ManagerRole = "Manager";

    public static bool NeedsManager(decimal discount) => discount > Threshold;
}
