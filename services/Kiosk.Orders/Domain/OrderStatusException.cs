namespace Kiosk.Orders.Domain;

/// <summary>An order was asked to move to a status it cannot reach from the one it is in.</summary>
public sealed class OrderStatusException(Guid orderId, int orderNumber, OrderStatus current, OrderStatus requested)
    : InvalidOperationException(current == requested
        ? $"Order #{orderNumber} ({orderId}) is already {current.ToText()}."
        : $"Order #{orderNumber} ({orderId}) is {current.ToText()} and cannot become {requested.ToText()}: " +
          $"only a {Order.RequiredBefore(requested).ToText()} order can.")
{
    public OrderStatus Current { get; } = current;
    public OrderStatus Requested { get; } = requested;
}
