using System.Net;
using System.Net.Http.Json;
using Polly;

namespace Kiosk.Orders.Payments;

/// <summary>What payments answered when asked to close an unpaid order.</summary>
public enum CloseOutcome
{
    /// <summary>Payments will take no cash for it any more.</summary>
    Closed,

    /// <summary>It was paid first: the payment won.</summary>
    AlreadyPaid,

    /// <summary>Payments did not answer, so nothing changed.</summary>
    Unreachable,
}

/// <summary>
/// Asks the payment service (<c>http://payments</c>, staff key) to refuse an order's cash before this service cancels or
/// expires it: payments' row for the order is where a payment and a cancellation meet, so exactly one of them wins.
/// </summary>
public sealed class PaymentsClient(HttpClient http, IConfiguration configuration, ILogger<PaymentsClient> logger)
{
    public async Task<CloseOutcome> CloseAsync(Order order, string status, string? reason, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/payments/orders/{order.Id}/close", UriKind.Relative))
        {
            Content = JsonContent.Create(new { status, reason, orderNumber = order.OrderNumber, total = order.Total, createdAt = order.CreatedAt }),
        };
        request.Headers.Add(StaffApiKey.HeaderName, configuration[StaffApiKey.ConfigurationKey]);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                return CloseOutcome.AlreadyPaid;
            }
            response.EnsureSuccessStatusCode();
            return CloseOutcome.Closed;
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException)
        {
            logger.LogWarning(ex, "Could not ask payments to close order #{OrderNumber} ({OrderId})", order.OrderNumber, order.Id);
            return CloseOutcome.Unreachable;
        }
    }
}
