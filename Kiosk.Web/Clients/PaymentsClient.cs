using System.Net.Http.Json;

namespace Kiosk.Web.Clients;

/// <summary>The payments service (<c>http://payments</c>): the cashier takes the money here.</summary>
public sealed class PaymentsClient(HttpClient http, ILogger<PaymentsClient> logger)
{
    /// <param name="idempotencyKey">One per press of "Confirm payment": a resend with it answers the first receipt, not 409.</param>
    public Task<ServiceResult<PaymentReceipt>> PayAsync(Guid orderId, decimal amountPaid, string idempotencyKey, CancellationToken ct) =>
        PayAsync(orderId, amountPaid, discount: null, idempotencyKey, ct);

    /// <param name="discount">The senior citizen / PWD discount, applied in the same step as the payment; null for none.</param>
    public Task<ServiceResult<PaymentReceipt>> PayAsync(
        Guid orderId, decimal amountPaid, DiscountInput? discount, string idempotencyKey, CancellationToken ct) =>
        ServiceCall.SendAsync<PaymentReceipt>(
            http,
            new HttpRequestMessage(HttpMethod.Post, "/api/payments")
            {
                Content = discount is null ? JsonContent.Create(new { orderId, amountPaid }) : JsonContent.Create(new { orderId, amountPaid, discount }),
            }.WithIdempotencyKey(idempotencyKey),
            logger,
            ct);

    /// <summary>Every line of the invoice and the amount due, before any cash is taken; nothing is stored.</summary>
    public Task<ServiceResult<PaymentQuote>> QuoteAsync(Guid orderId, DiscountInput? discount, CancellationToken ct) =>
        ServiceCall.SendAsync<PaymentQuote>(
            http, new HttpRequestMessage(HttpMethod.Post, "/api/payments/quote") { Content = JsonContent.Create(new { orderId, discount }) }, logger, ct);

    public Task<ServiceResult<PaymentReceipt>> GetReceiptAsync(Guid paymentId, CancellationToken ct) =>
        ServiceCall.SendAsync<PaymentReceipt>(http, new HttpRequestMessage(HttpMethod.Get, $"/api/payments/{paymentId}"), logger, ct);

    public Task<ServiceResult<SalesReport>> DailyReportAsync(DateOnly? day, CancellationToken ct) =>
        ServiceCall.SendAsync<SalesReport>(http, new HttpRequestMessage(HttpMethod.Get, day is { } d
            ? $"/api/payments/reports/daily?day={d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : "/api/payments/reports/daily"), logger, ct);

    /// <summary>Closes the business day: its Z reading is stored once; closing it again answers the same reading.</summary>
    public Task<ServiceResult<SalesReport>> CloseDayAsync(DateOnly businessDay, CancellationToken ct) =>
        ServiceCall.SendAsync<SalesReport>(http, new HttpRequestMessage(HttpMethod.Post, "/api/payments/reports/daily/close")
        {
            Content = JsonContent.Create(new { businessDay = businessDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }),
        }, logger, ct);
}
