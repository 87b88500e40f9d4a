namespace Kiosk.Payments.Apis;

[OpenApiExample("""
    {
      "paymentId": "01a213ba-c218-7603-9087-126f11f9b1dc",
      "orderId": "f0b2308b-081b-4dd7-8c5e-8e55fb53352f",
      "orderNumber": 2,
      "total": 448.00,
      "amountPaid": 400.00,
      "change": 16.00,
      "paidAt": "2026-11-25T17:22:16.216222+00:00",
      "invoiceNumber": "SI-00000042",
      "vatableSales": 200.00,
      "vat": 24.00,
      "vatExemptSales": 200.00,
      "zeroRatedSales": 0.00,
      "discount": 40.00,
      "amountDue": 384.00,
      "discountKind": "SENIOR",
      "diners": 2,
      "holders": [{ "name": "Lourdes Santos", "idNumber": "SC-2024-001234" }]
    }
    """)]
public sealed record ReceiptResponse(
    Guid PaymentId, Guid OrderId, int OrderNumber, decimal Total, decimal AmountPaid, decimal Change, DateTimeOffset PaidAt,
    string InvoiceNumber, decimal VatableSales, decimal Vat, decimal VatExemptSales, decimal ZeroRatedSales, decimal Discount,
    decimal AmountDue, string? DiscountKind, int Diners, IReadOnlyList<DiscountHolderResponse> Holders)
{
    public static ReceiptResponse From(Payment payment) =>
        new(payment.PaymentId, payment.OrderId, payment.OrderNumber,
            Money.Round(payment.Total), Money.Round(payment.AmountPaid), Money.Round(payment.Change), payment.PaidAt,
            payment.InvoiceText, Money.Round(payment.VatableSales), Money.Round(payment.Vat), Money.Round(payment.VatExemptSales),
            Money.Round(payment.ZeroRatedSales), Money.Round(payment.Discount), Money.Round(payment.AmountDue),
            payment.DiscountKind, payment.Diners,
            [.. payment.Holders.OrderBy(h => h.Position).Select(h => new DiscountHolderResponse(h.Name, h.IdNumber))]);
}

[OpenApiExample("""
    { "name": "Lourdes Santos", "idNumber": "SC-2024-001234" }
    """)]
public sealed record DiscountHolderResponse(string Name, string IdNumber);
