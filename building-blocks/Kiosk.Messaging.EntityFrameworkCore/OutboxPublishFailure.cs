using Confluent.Kafka;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>Tells a failure of one outbox row (it will fail every time) from the broker being away (every row fails).</summary>
internal static class OutboxPublishFailure
{
    // The broker refuses this message or its topic; any other row may still go.
    private static readonly HashSet<ErrorCode> RowCodes =
    [
        ErrorCode.MsgSizeTooLarge, ErrorCode.InvalidMsgSize, ErrorCode.InvalidMsg, ErrorCode.RecordListTooLarge,
        ErrorCode.InvalidRecord, ErrorCode.InvalidTimestamp, ErrorCode.PolicyViolation, ErrorCode.TopicException,
        ErrorCode.TopicAuthorizationFailed, ErrorCode.UnknownTopicOrPart, ErrorCode.Local_UnknownTopic,
        ErrorCode.Local_UnknownPartition, ErrorCode.Local_BadMsg, ErrorCode.Local_InvalidArg,
        ErrorCode.Local_KeySerialization, ErrorCode.Local_ValueSerialization,
    ];

    /// <summary>
    /// True when the row itself is at fault. Any other Kafka error (timeouts, transport, leader elections) is taken for
    /// an outage, which ends the round and never parks a row; an error outside Kafka (e.g. a row whose stored trace
    /// context cannot be read) is the row's own.
    /// </summary>
    public static bool IsRowSpecific(Exception exception) => exception switch
    {
        KafkaException kafka => RowCodes.Contains(kafka.Error.Code),
        _ => true,
    };
}
