namespace Kiosk.Payments.Apis;

/// <summary>Asks what an order comes to, with or without a senior citizen / PWD discount, before any cash is taken.</summary>
[OpenApiExample("""
    {
      "orderId": "f0b2308b-081b-4dd7-8c5e-8e55fb53352f",
      "discount": { "kind": "SENIOR", "diners": 2, "holders": [{ "name": "Lourdes Santos", "idNumber": "SC-2024-001234" }] }
    }
    """)]
public sealed record QuoteRequest(Guid? OrderId, DiscountRequest? Discount)
{
    public static Dictionary<string, string[]> Validate(QuoteRequest? request, out DiscountClaim? discount)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.OrderId is null || request.OrderId == Guid.Empty)
        {
            errors["orderId"] = ["Order id is required: the id of the order being quoted."];
        }
        discount = DiscountRequest.Validate(request?.Discount, errors);
        return errors;
    }
}

[OpenApiExample("""
    {
      "orderId": "f0b2308b-081b-4dd7-8c5e-8e55fb53352f",
      "orderNumber": 2,
      "total": 448.00,
      "vatableSales": 200.00,
      "vat": 24.00,
      "vatExemptSales": 200.00,
      "zeroRatedSales": 0.00,
      "discount": 40.00,
      "amountDue": 384.00
    }
    """)]
public sealed record QuoteResponse(
    Guid OrderId, int OrderNumber, decimal Total, decimal VatableSales, decimal Vat, decimal VatExemptSales, decimal ZeroRatedSales,
    decimal Discount, decimal AmountDue)
{
    public static QuoteResponse From(PayableOrder order, SalesBreakdown breakdown) =>
        new(order.OrderId, order.OrderNumber, breakdown.Total, breakdown.VatableSales, breakdown.Vat, breakdown.VatExemptSales,
            breakdown.ZeroRatedSales, breakdown.Discount, breakdown.AmountDue);
}
