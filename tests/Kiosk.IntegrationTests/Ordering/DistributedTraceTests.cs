using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Kiosk.Contracts;

namespace Kiosk.IntegrationTests.Ordering;

/// <summary>A checkout is one trace: the kiosk's request, CART_CHECKOUT, the order service's work and ORDER_CREATED share it.</summary>
[Collection(KioskCollection.Name)]
public sealed class DistributedTraceTests(KioskAppFixture fixture)
{
    private readonly KioskClient _kiosk = new(fixture);
    private readonly KafkaProbe _kafka = new(fixture);

    [Fact]
    public async Task A_checkout_and_the_events_it_causes_carry_the_kiosk_request_trace()
    {
        var cartId = await _kiosk.NewCartAsync();
        await _kiosk.AddAsync(cartId, 902, 1);
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/carts/{cartId}/checkout")
        {
            Content = JsonContent.Create(new { diningOption = "DINE_IN" }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        var response = await _kiosk.Customer.SendAsync(request);
        var orderId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>();

        var checkout = _kafka.Find(Topics.CartCheckout, m => m.Key == orderId);
        var created = _kafka.Find(Topics.OrderCreated, m => m.Key == orderId);
        Assert.Equal(traceId.ToString(), TraceIdOf(checkout));
        Assert.Equal(traceId.ToString(), TraceIdOf(created));
        Assert.NotEqual(ParentSpanOf(checkout), ParentSpanOf(created));
    }

    private static string TraceIdOf(Message<string, byte[]> message) => TraceParent(message).Split('-')[1];

    private static string ParentSpanOf(Message<string, byte[]> message) => TraceParent(message).Split('-')[2];

    private static string TraceParent(Message<string, byte[]> message)
    {
        Assert.True(message.Headers.TryGetLastBytes("traceparent", out var bytes), $"{message.Key} has no traceparent header.");
        return Encoding.UTF8.GetString(bytes);
    }
}
