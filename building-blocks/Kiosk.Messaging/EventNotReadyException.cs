namespace Kiosk.Messaging;

/// <summary>
/// Thrown by a handler when the message refers to something this service has not seen yet (e.g. a payment for an order
/// whose checkout is still on its way). It is a matter of timing, not poison: the consumer waits and retries, and parks
/// the message only after <c>Kafka:Consumer:NotReadyTimeout</c>.
/// </summary>
public sealed class EventNotReadyException(string message) : Exception(message);
