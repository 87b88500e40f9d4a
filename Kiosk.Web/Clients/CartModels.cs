namespace Kiosk.Web.Clients;

public sealed record Cart(Guid CartId, string Status, IReadOnlyList<CartLine> Items, decimal Total, Guid? OrderId)
{
    public bool IsOpen => Status == "OPEN";

    public int ItemCount => Items.Sum(line => line.Quantity);
}

public sealed record CartLine(
    [property: JsonConverter(typeof(OpaqueIdConverter))] string LineId,
    int MenuItemId,
    string Name,
    decimal UnitPrice,
    int Quantity,
    decimal LineTotal,
    IReadOnlyList<LineOption>? Choices = null,
    string? Note = null);

public sealed record CheckoutAccepted(Guid OrderId, Guid CartId, decimal Total, string DiningOption, string Status);
