using Kiosk.Messaging;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kiosk.UnitTests.Messaging;

public sealed class BroadcastConsumerHealthTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-12-01T08:00:00Z");
    private readonly BroadcastConsumerHealth _health = new("web-broadcast-1", Start);

    [Fact]
    public void Joining_the_group_is_degraded_and_holding_partitions_while_polling_is_healthy()
    {
        _health.Polled(Start.AddMilliseconds(200), assignedPartitions: 0);
        var joining = _health.Check(Start.AddSeconds(1), brokerProblem: null);
        Assert.Equal(HealthStatus.Degraded, joining.Status);
        Assert.Contains("no partitions", joining.Description);

        _health.Assigned(6);
        _health.Polled(Start.AddSeconds(2), assignedPartitions: 6);
        var consuming = _health.Check(Start.AddSeconds(2), brokerProblem: null);
        Assert.Equal(HealthStatus.Healthy, consuming.Status);
        Assert.Equal("Broadcast consumer web-broadcast-1 holds 6 partitions and is consuming", consuming.Description);
    }

    [Fact]
    public void A_broker_that_does_not_answer_makes_it_unhealthy_and_says_why_even_with_partitions_still_held()
    {
        _health.Assigned(6);
        _health.Polled(Start.AddSeconds(1), assignedPartitions: 6);

        var result = _health.Check(Start.AddSeconds(2), "Kafka at localhost:9092 did not answer: Local: Timed out");

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("Broadcast consumer web-broadcast-1 cannot reach the broker: Kafka at localhost:9092 did not answer: Local: Timed out",
            result.Description);
    }

    [Fact]
    public void Partitions_lost_in_an_outage_leave_it_degraded_with_the_last_error_until_they_are_assigned_again()
    {
        _health.Assigned(6);
        _health.Polled(Start.AddSeconds(1), 6);
        _health.Failed("Local_AllBrokersDown: 1/1 brokers are down");
        _health.Polled(Start.AddSeconds(20), assignedPartitions: 0);

        var waiting = _health.Check(Start.AddSeconds(20), brokerProblem: null);
        Assert.Equal(HealthStatus.Degraded, waiting.Status);
        Assert.Contains("1/1 brokers are down", waiting.Description);

        _health.Assigned(6);
        _health.Polled(Start.AddSeconds(22), 6);
        Assert.Equal(HealthStatus.Healthy, _health.Check(Start.AddSeconds(22), brokerProblem: null).Status);
    }

    [Fact]
    public void A_consume_thread_that_stops_polling_is_stuck_whatever_the_broker_says()
    {
        _health.Assigned(6);
        _health.Polled(Start.AddSeconds(1), 6);

        Assert.Equal(HealthStatus.Healthy, _health.Check(Start.AddSeconds(1) + BroadcastConsumerHealth.StuckAfter - TimeSpan.FromSeconds(1), null).Status);
        var stuck = _health.Check(Start.AddSeconds(31), brokerProblem: null);
        Assert.Equal(HealthStatus.Unhealthy, stuck.Status);
        Assert.Equal("Broadcast consumer web-broadcast-1 is stuck: no poll for 30 s", stuck.Description);
    }

    [Fact]
    public void A_consumer_that_never_polled_since_it_started_is_stuck_once_the_threshold_passes()
    {
        Assert.Equal(HealthStatus.Degraded, _health.Check(Start.AddSeconds(5), null).Status);
        Assert.Equal(HealthStatus.Unhealthy, _health.Check(Start + BroadcastConsumerHealth.StuckAfter, null).Status);
    }
}
