using System.Text.Json;
using Confluent.Kafka;
using Kiosk.Messaging;
using Kiosk.Messaging.EntityFrameworkCore;

namespace Kiosk.UnitTests.Messaging;

public sealed class OutboxRelayFailureTests
{
    [Theory]
    [InlineData(ErrorCode.MsgSizeTooLarge)]
    [InlineData(ErrorCode.Local_UnknownTopic)]
    [InlineData(ErrorCode.UnknownTopicOrPart)]
    [InlineData(ErrorCode.TopicAuthorizationFailed)]
    [InlineData(ErrorCode.InvalidRecord)]
    public void A_message_or_topic_the_broker_refuses_is_the_rows_own_failure(ErrorCode code)
    {
        Assert.True(OutboxPublishFailure.IsRowSpecific(Refused(code)));
    }

    [Theory]
    [InlineData(ErrorCode.Local_MsgTimedOut)]
    [InlineData(ErrorCode.Local_Transport)]
    [InlineData(ErrorCode.Local_AllBrokersDown)]
    [InlineData(ErrorCode.NotLeaderForPartition)]
    [InlineData(ErrorCode.RequestTimedOut)]
    public void A_broker_that_is_away_or_electing_a_leader_is_an_outage_not_the_rows_fault(ErrorCode code)
    {
        Assert.False(OutboxPublishFailure.IsRowSpecific(Refused(code)));
    }

    [Fact]
    public void A_row_that_cannot_be_read_fails_for_its_own_reason()
    {
        Assert.True(OutboxPublishFailure.IsRowSpecific(new JsonException("'{' is invalid after a value.")));
    }

    private static ProduceException<string, byte[]> Refused(ErrorCode code) =>
        new(new Error(code), new DeliveryResult<string, byte[]>());
}
