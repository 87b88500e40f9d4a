namespace Kiosk.Web.Clients;

public sealed record MenuCategory(string Code, string Name, int SortOrder);

/// <summary>A menu item as the menu service returns it; <see cref="ImageKey"/> is optional and picks the picture when present.</summary>
public sealed record MenuItem(
    int Id, string CategoryCode, string Name, string? Description, decimal Price, bool Available, string? ImageKey = null);
