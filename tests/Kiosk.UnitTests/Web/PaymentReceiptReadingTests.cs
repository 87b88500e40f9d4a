using System.Net;
using System.Text;
using Kiosk.Web.Clients;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.UnitTests.Web;

public sealed class PaymentReceiptReadingTests
{
    private const string Receipt = """
        {
          "paymentId": "01a213ba-c218-7603-9087-126f11f9b1dc", "orderId": "f0b2308b-081b-4dd7-8c5e-8e55fb53352f", "orderNumber": 2,
          "total": 448.00, "amountPaid": 400.00, "change": 16.00, "paidAt": "2026-11-25T17:22:16.216222+00:00",
          "invoiceNumber": "SI-00000042", "vatableSales": 200.00, "vat": 24.00, "vatExemptSales": 200.00, "zeroRatedSales": 0.00,
          "discount": 40.00, "amountDue": 384.00, "discountKind": "SENIOR", "diners": 2,
          "holders": [{ "name": "Lourdes Santos", "idNumber": "SC-2024-001234" }]
        }
        """;

    [Fact]
    public async Task The_cashier_reads_the_sales_invoice_the_payment_service_answers()
    {
        using var handler = new FixedAnswer(Receipt);
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://payments") };
        var payments = new PaymentsClient(http, NullLogger<PaymentsClient>.Instance);

        var paid = await payments.PayAsync(Guid.NewGuid(), 400m, new DiscountInput("SENIOR", 2, [new DiscountHolder("Lourdes Santos", "SC-2024-001234")]), "key-1", CancellationToken.None);

        Assert.True(paid.Succeeded, paid.Problem?.Detail);
        Assert.Equal(("SI-00000042", 384.00m, 16.00m), (paid.Value.InvoiceNumber, paid.Value.AmountDue, paid.Value.Change));
        Assert.Equal([new DiscountHolder("Lourdes Santos", "SC-2024-001234")], paid.Value.Holders);
        Assert.Contains("\"discount\":{\"kind\":\"SENIOR\"", handler.LastBody, StringComparison.Ordinal);
    }

    private sealed class FixedAnswer(string json) : HttpMessageHandler
    {
        public string LastBody { get; private set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastBody = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
