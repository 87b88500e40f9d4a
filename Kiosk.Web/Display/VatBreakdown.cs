namespace Kiosk.Web.Display;

/// <summary>Philippine VAT (12 %) contained in a VAT-inclusive total, for display only.</summary>
/// <remarks>
/// The cart returns only its total, so the cart screen derives the split here. Once an order exists the orders
/// service is the source of truth: its <c>vatableSales</c> and <c>vat</c> are shown as returned, never recomputed.
/// </remarks>
public sealed record VatBreakdown(decimal VatableSales, decimal Vat, decimal Total)
{
    public static VatBreakdown FromTotal(decimal total)
    {
        var vatableSales = Math.Round(total / 1.12m, 2, MidpointRounding.AwayFromZero);
        return new VatBreakdown(vatableSales, total - vatableSales, total);
    }

    public static VatBreakdown FromOrder(Order order) => new(order.VatableSales, order.Vat, order.Total);
}
