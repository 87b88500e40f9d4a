using System.Net.Http.Json;

namespace Kiosk.Web.Clients;

/// <summary>The payments service (<c>http://payments</c>): the cashier takes the money here.</summary>
public sealed class PaymentsClient(HttpClient http, ILogger<PaymentsClient> logger)
{
    public Task<ServiceResult<PaymentReceipt>> PayAsync(Guid orderId, decimal amountPaid, CancellationToken ct) =>
        ServiceCall.SendAsync<PaymentReceipt>(
            http,
            new(HttpMethod.Post, "/api/payments") { Content = JsonContent.Create(new { orderId, amountPaid }) },
            logger,
            ct);
}
