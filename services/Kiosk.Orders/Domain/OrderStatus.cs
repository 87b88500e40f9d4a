namespace Kiosk.Orders.Domain;

/// <summary>
/// Where an order is on its way to the counter. It only ever moves forward: PENDING → PAID → COMPLETED, or it ends unpaid,
/// PENDING → CANCELLED (staff) or PENDING → EXPIRED (its business day ended).
/// </summary>
public enum OrderStatus
{
    Pending,
    Paid,
    Completed,
    Cancelled,
    Expired,
}
