using Kiosk.Contracts;
using Kiosk.Contracts.Events;
using Kiosk.Messaging;
using Kiosk.Messaging.EntityFrameworkCore;

namespace Kiosk.UnitTests.Messaging;

/// <summary>Outbox rows as the services write them, for the relay's tests.</summary>
internal static class OutboxRelayRows
{
    public static OutboxMessage PaymentFor(Guid orderId, TimeProvider clock) =>
        OutboxMessage.Create(Topics.PaymentConfirmed, orderId.ToString(),
            new PaymentConfirmed(Guid.CreateVersion7(), Guid.NewGuid(), orderId, 100.00m, 5.00m, 95.00m, clock.GetUtcNow()), clock);
}
