using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kiosk.Orders.Events;

/// <summary>
/// Queues an ORDER_STATUS_CHANGED outbox row for every order whose status this save creates or moves, whichever code
/// moved it (a consumer, an endpoint, a background job), so no transition can be saved without being announced.
/// </summary>
internal sealed class OrderStatusAnnouncements
{
    // A save that fails and is tried again on the same context must not queue the same move twice. Only moves still
    // waiting to be saved are kept (contexts are pooled and live on), so the set never outgrows one save.
    private readonly HashSet<(Guid OrderId, OrderStatus Status)> _queued = [];

    public void QueueFor(DbContext db)
    {
        var moved = db.ChangeTracker.Entries<Order>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && StatusMoved(e)))
            .ToList();
        _queued.RemoveWhere(queued => !moved.Any(e => e.Entity.Id == queued.OrderId && e.Entity.Status == queued.Status));
        foreach (var entry in moved)
        {
            var order = entry.Entity;
            if (!_queued.Add((order.Id, order.Status)))
            {
                continue;
            }
            OrderStatus? previous = entry.State == EntityState.Added ? null : entry.Property(o => o.Status).OriginalValue;
            db.AddIntegrationEvent(Topics.OrderStatusChanged, key: order.Id.ToString(), Of(order, previous));
        }
    }

    /// <summary>The announcement of <paramref name="order"/>'s current status; <paramref name="previous"/> null for a new order.</summary>
    public static OrderStatusChanged Of(Order order, OrderStatus? previous) => new(
        EventId: Guid.CreateVersion7(),
        OrderId: order.Id,
        OrderNumber: order.OrderNumber,
        BusinessDay: order.BusinessDay,
        Status: order.Status.ToText(),
        PreviousStatus: previous?.ToText(),
        DiningOption: order.DiningOption,
        Total: order.Total,
        OccurredAt: ReachedAt(order));

    private static bool StatusMoved(EntityEntry<Order> entry)
    {
        var status = entry.Property(o => o.Status);
        return status.IsModified && status.OriginalValue != status.CurrentValue;
    }

    private static DateTimeOffset ReachedAt(Order order) => order.Status switch
    {
        OrderStatus.Pending => order.CreatedAt,
        OrderStatus.Paid => order.PaidAt ?? DateTimeOffset.UtcNow,
        OrderStatus.Completed => order.CompletedAt ?? DateTimeOffset.UtcNow,
        // A status without a time of its own: the moment it is saved.
        _ => DateTimeOffset.UtcNow,
    };
}
