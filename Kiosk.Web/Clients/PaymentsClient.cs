using System.Net.Http.Json;

namespace Kiosk.Web.Clients;

/// <summary>The payments service (<c>http://payments</c>): the cashier takes the money here.</summary>
public sealed class PaymentsClient(HttpClient http, ILogger<PaymentsClient> logger)
{
    /// <param name="idempotencyKey">One per press of "Confirm payment": a resend with it answers the first receipt, not 409.</param>
    public Task<ServiceResult<PaymentReceipt>> PayAsync(Guid orderId, decimal amountPaid, string idempotencyKey, CancellationToken ct) =>
        ServiceCall.SendAsync<PaymentReceipt>(
            http,
            new HttpRequestMessage(HttpMethod.Post, "/api/payments") { Content = JsonContent.Create(new { orderId, amountPaid }) }
                .WithIdempotencyKey(idempotencyKey),
            logger,
            ct);
}
