namespace Kiosk.Payments.Domain;

/// <summary>The statutory discounts the counter gives: one 20 % per holder, never both for one person.</summary>
public static class DiscountKind
{
    public const string Senior = "SENIOR";
    public const string Pwd = "PWD";

    public static IReadOnlyList<string> All { get; } = [Senior, Pwd];

    /// <summary>Exactly the API's spelling.</summary>
    public static bool IsKnown(string? kind) => kind is Senior or Pwd;
}
