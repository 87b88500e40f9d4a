namespace Kiosk.Payments.Domain;

/// <summary>A valid senior citizen / PWD discount for one order: its kind, the diners sharing it and the holders among them.</summary>
public sealed record DiscountClaim(string Kind, int Diners, IReadOnlyList<(string Name, string IdNumber)> Holders)
{
    public SalesBreakdown BreakdownOf(decimal total) => SalesBreakdown.Of(total, Diners, Holders.Count);
}
