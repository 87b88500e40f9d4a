namespace Kiosk.Cart.Apis;

/// <summary>Deliberately no name or price: those come from the menu, whatever a client sends.</summary>
[OpenApiExample("""
    { "menuItemId": 101, "quantity": 2 }
    """)]
public sealed record AddItemRequest(int? MenuItemId, int? Quantity);
