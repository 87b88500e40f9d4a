namespace Kiosk.Cart.Menu;

/// <summary>A menu item as the menu service answers it.</summary>
public sealed record MenuItem(
    int Id, string CategoryCode, string Name, string Description, decimal Price, bool Available, string ImageKey);
