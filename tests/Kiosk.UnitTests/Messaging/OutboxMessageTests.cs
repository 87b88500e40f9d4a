using System.Diagnostics;
using System.Text.Json;
using Kiosk.Contracts;
using Kiosk.Contracts.Events;
using Kiosk.Messaging;
using Kiosk.Messaging.EntityFrameworkCore;

namespace Kiosk.UnitTests.Messaging;

public sealed class OutboxMessageTests
{
    private static readonly PaymentConfirmed Payment = new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 100.00m, 5.00m, 95.00m, new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_outbox_row_keeps_the_trace_of_the_request_that_wrote_it()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("test");
        using var request = source.StartActivity("POST /api/payments")!;

        var row = OutboxMessage.Create(Topics.PaymentConfirmed, Payment.OrderId.ToString(), Payment);

        var parent = KafkaTelemetry.ParentFrom(JsonSerializer.Deserialize<Dictionary<string, string>>(row.TraceContext!));
        Assert.Equal(request.TraceId, parent.TraceId);
        Assert.Equal(request.SpanId, parent.SpanId);
    }

    [Fact]
    public void An_outbox_row_carries_the_event_in_its_wire_format()
    {
        var row = OutboxMessage.Create(Topics.PaymentConfirmed, Payment.OrderId.ToString(), Payment);

        var json = JsonDocument.Parse(row.Payload).RootElement;
        Assert.Equal(Payment.EventId, row.EventId);
        Assert.Equal(nameof(PaymentConfirmed), row.EventType);
        Assert.Equal(Payment.OrderId, json.GetProperty("order_id").GetGuid());
        Assert.Equal(100.00m, json.GetProperty("amount_paid").GetDecimal());
        Assert.Null(row.SentAt);
    }

    [Fact]
    public void Events_round_trip_with_the_original_snake_case_field_names()
    {
        var checkout = new CartCheckout(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "DINE_IN",
            [new CartCheckoutItem(101, "1-pc Chickenjoy with Rice", 99.00m, 2)], 198.00m, DateTimeOffset.UtcNow);

        var bytes = EventSerializer.Serialize(checkout);
        var json = JsonDocument.Parse(bytes).RootElement;

        foreach (var field in new[] { "event_id", "order_id", "cart_id", "dining_option", "items", "total", "occurred_at" })
        {
            Assert.True(json.TryGetProperty(field, out _), $"CART_CHECKOUT lacks '{field}'.");
        }
        Assert.Equal(99.00m, json.GetProperty("items")[0].GetProperty("price").GetDecimal());
        Assert.Equal(checkout.Total, EventSerializer.Deserialize<CartCheckout>(bytes).Total);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("null")]
    [InlineData("{\"order_id\":\"6a1e1e0e-0000-4000-8000-000000000001\"}")]
    public void A_message_that_is_not_an_event_is_rejected_as_invalid(string body)
    {
        Assert.Throws<InvalidEventException>(() => EventSerializer.Deserialize<CartCheckout>(System.Text.Encoding.UTF8.GetBytes(body)));
    }
}
