namespace Kiosk.Payments.Domain;

/// <summary>
/// The sales invoice's VAT lines for one order, with the senior citizen / PWD discount when there is one. Every line is
/// computed from the exact shares and rounded to centavos (half away from zero) only at the end.
/// </summary>
public sealed record SalesBreakdown(
    decimal Total,
    decimal VatableSales,
    decimal Vat,
    decimal VatExemptSales,
    decimal ZeroRatedSales,
    decimal Discount,
    decimal AmountDue)
{
    /// <summary>The senior citizen and PWD discount: 20 % of the holder's VAT-exempt share.</summary>
    public const decimal DiscountRate = 0.20m;

    /// <summary>No discount: the whole total is VATable.</summary>
    public static SalesBreakdown Plain(decimal total) => Of(total, diners: 1, holders: 0);

    /// <summary>
    /// <paramref name="total"/> (VAT inclusive) shared equally by <paramref name="diners"/>, of whom <paramref name="holders"/>
    /// hold a senior citizen or PWD ID: their share S = T × h / n is VAT-exempt (S / 1.12) and discounted by 20 % of that;
    /// the rest T − S stays VATable. Amount due = (T − S) + 0.8 × S / 1.12.
    /// </summary>
    public static SalesBreakdown Of(decimal total, int diners, int holders)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfLessThan(diners, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(holders);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(holders, diners);

        var holdersShare = total * holders / diners;
        var vatableShare = total - holdersShare;
        var vatExempt = holdersShare / (1 + Kiosk.Contracts.Vat.Rate);
        var vatable = Money.Round(vatableShare / (1 + Kiosk.Contracts.Vat.Rate));
        return new SalesBreakdown(
            Total: Money.Round(total),
            VatableSales: vatable,
            // The VATable share's two lines add back up to that share, as on a receipt without a discount.
            Vat: Money.Round(vatableShare) - vatable,
            VatExemptSales: Money.Round(vatExempt),
            ZeroRatedSales: 0.00m,
            Discount: Money.Round(DiscountRate * vatExempt),
            AmountDue: Money.Round(vatableShare + (1 - DiscountRate) * vatExempt));
    }
}
