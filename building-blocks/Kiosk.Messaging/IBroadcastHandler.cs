namespace Kiosk.Messaging;

/// <summary>
/// Receives every message of the broadcast topics this process consumes (see
/// <see cref="KafkaExtensions.AddKafkaBroadcastConsumer"/>). Called on the consume thread, one message at a time: hand the
/// message on quickly and never block.
/// </summary>
public interface IBroadcastHandler
{
    void Handle(InboundMessage message);
}
