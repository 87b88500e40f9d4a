namespace Kiosk.Contracts;

/// <summary>Philippine VAT, 12 % included in every menu price.</summary>
public static class Vat
{
    public const decimal Rate = 0.12m;

    /// <summary>Splits a VAT-inclusive total; the two parts always add back up to the total exactly.</summary>
    public static VatSplit Split(decimal total)
    {
        var vatableSales = Math.Round(total / (1 + Rate), 2, MidpointRounding.AwayFromZero);
        return new VatSplit(vatableSales, total - vatableSales);
    }
}

public readonly record struct VatSplit(decimal VatableSales, decimal Vat);
