using Kiosk.Messaging;
using Kiosk.Messaging.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kiosk.UnitTests.Messaging;

public sealed class ConsumerHealthTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-01T08:00:00Z");

    [Fact]
    public void A_message_retried_past_the_stall_threshold_makes_the_consumer_unhealthy_and_says_which_and_why()
    {
        var health = new ConsumerHealth("orders");
        var pending = new PendingMessage(new InboundMessage("PAYMENT_CONFIRMED", 0, 41, "k", [], []), Now)
        {
            FirstFailureAt = Now,
            LastError = new TimeoutException("database frozen"),
        };
        health.Retrying(pending);

        Assert.Equal(HealthStatus.Healthy, health.Check(Now.AddSeconds(5)).Status);
        var stalled = health.Check(Now.AddSeconds(40));
        Assert.Equal(HealthStatus.Unhealthy, stalled.Status);
        Assert.Equal("Consumer group orders stalled: retrying PAYMENT_CONFIRMED[0]@41 for 40 s: database frozen", stalled.Description);

        health.Progressed(pending.Message.TopicPartition);
        Assert.Equal(HealthStatus.Healthy, health.Check(Now.AddSeconds(41)).Status);
    }
}
