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
        var split = Kiosk.Contracts.Vat.Split(total);
        return new VatBreakdown(split.VatableSales, split.Vat, total);
    }

    public static VatBreakdown FromOrder(Order order) => new(order.VatableSales, order.Vat, order.Total);
}
