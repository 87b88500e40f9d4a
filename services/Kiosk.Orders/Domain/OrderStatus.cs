namespace Kiosk.Orders.Domain;

/// <summary>Where an order is on its way to the counter. It only ever moves forward, in this order.</summary>
public enum OrderStatus
{
    Pending,
    Paid,
    Completed,
}
