namespace Kiosk.Orders.Domain;

/// <summary>
/// A customer's order. Its status only moves forward, PENDING → PAID → COMPLETED or PENDING → CANCELLED / EXPIRED, and only through the methods below:
/// repeating a step that already happened is harmless, skipping one throws <see cref="OrderStatusException"/>.
/// </summary>
public sealed class Order
{
    private readonly List<OrderItem> _items = [];

    private Order()
    {
    }

    /// <summary>The id the cart service decided at checkout, so the kiosk can poll for the order before it exists.</summary>
    public Guid Id { get; private set; }

    /// <summary>What the counter calls out; unique within <see cref="BusinessDay"/>.</summary>
    public int OrderNumber { get; private set; }

    public DateOnly BusinessDay { get; private set; }
    public OrderStatus Status { get; private set; }
    public string DiningOption { get; private set; } = "";
    public Guid CartId { get; private set; }
    public IReadOnlyList<OrderItem> Items => _items;
    public decimal Total { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>When the order ended unpaid (CANCELLED or EXPIRED), and why.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): two staff completing at once cannot both win.</summary>
    public uint Version { get; private set; }

    public static Order Create(
        Guid id, int orderNumber, DateOnly businessDay, string diningOption, Guid cartId,
        IEnumerable<OrderItem> items, DateTimeOffset createdAt)
    {
        var order = new Order
        {
            Id = id,
            OrderNumber = orderNumber,
            BusinessDay = businessDay,
            Status = OrderStatus.Pending,
            DiningOption = diningOption,
            CartId = cartId,
            CreatedAt = createdAt.ToUniversalTime(),
        };
        order._items.AddRange(items);
        if (order._items.Count == 0)
        {
            throw new ArgumentException("An order needs at least one item.", nameof(items));
        }
        order.Total = order._items.Sum(i => i.LineTotal);
        return order;
    }

    /// <summary>Records the payment. A second confirmation (a redelivered event) changes nothing.</summary>
    public void MarkPaid(DateTimeOffset paidAt)
    {
        if (Status != OrderStatus.Pending)
        {
            return;
        }
        Status = OrderStatus.Paid;
        // PostgreSQL's timestamptz takes UTC only; the payment service may send a local offset.
        PaidAt = paidAt.ToUniversalTime();
    }

    /// <summary>The customer has the food. Only a paid order can be completed.</summary>
    public void Complete(DateTimeOffset at)
    {
        if (Status != RequiredBefore(OrderStatus.Completed))
        {
            throw new OrderStatusException(Id, OrderNumber, Status, OrderStatus.Completed);
        }
        Status = OrderStatus.Completed;
        CompletedAt = at.ToUniversalTime();
    }

    /// <summary>Staff end an unpaid order. Only a PENDING order can be cancelled; payments must have refused its cash first.</summary>
    public void Cancel(string reason, DateTimeOffset at) => EndUnpaid(OrderStatus.Cancelled, reason, at);

    /// <summary>The order's business day ended before it was paid.</summary>
    public void Expire(DateTimeOffset at) => EndUnpaid(OrderStatus.Expired, "The business day ended before the order was paid.", at);

    private void EndUnpaid(OrderStatus status, string reason, DateTimeOffset at)
    {
        if (Status != RequiredBefore(status))
        {
            throw new OrderStatusException(Id, OrderNumber, Status, status);
        }
        Status = status;
        CancelReason = reason;
        CancelledAt = at.ToUniversalTime();
    }

    internal static OrderStatus RequiredBefore(OrderStatus status) => status switch
    {
        OrderStatus.Paid => OrderStatus.Pending,
        OrderStatus.Completed => OrderStatus.Paid,
        OrderStatus.Cancelled or OrderStatus.Expired => OrderStatus.Pending,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Nothing comes before PENDING."),
    };
}
