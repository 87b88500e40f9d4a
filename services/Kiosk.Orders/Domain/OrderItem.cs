namespace Kiosk.Orders.Domain;

/// <summary>One line of an order, with the name and price the menu had when the customer checked out.</summary>
public sealed class OrderItem
{
    private OrderItem()
    {
    }

    public OrderItem(
        int lineNumber, int menuItemId, string name, decimal unitPrice, int quantity,
        IReadOnlyList<OrderItemChoice>? choices = null, string? note = null)
    {
        Choices = choices ?? [];
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        LineNumber = lineNumber;
        MenuItemId = menuItemId;
        Name = name;
        UnitPrice = unitPrice;
        Quantity = quantity;
    }

    /// <summary>1-based position in the order, as the customer built it.</summary>
    public int LineNumber { get; private set; }
    public int MenuItemId { get; private set; }
    public string Name { get; private set; } = "";
    public decimal UnitPrice { get; private set; }
    public int Quantity { get; private set; }

    /// <summary>What the customer chose (the kitchen reads these); empty for a plain item.</summary>
    public IReadOnlyList<OrderItemChoice> Choices { get; private set; } = [];

    /// <summary>The customer's request for this line, e.g. "no ice".</summary>
    public string? Note { get; private set; }

    public decimal LineTotal => UnitPrice * Quantity;
}
