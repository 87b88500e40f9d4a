using System.Text.Json.Serialization;

namespace Kiosk.Cart.Menu;

/// <summary>A menu item as the menu service answers it; <see cref="OptionGroups"/> is empty (or absent) for a plain item.</summary>
public sealed record MenuItem(
    int Id, string CategoryCode, string Name, string Description, decimal Price, bool Available, string ImageKey,
    IReadOnlyList<MenuOptionGroup>? OptionGroups = null)
{
    public IReadOnlyList<MenuOptionGroup> Groups => OptionGroups ?? [];
}

public sealed record MenuOptionGroup(string Code, string Name, int Min, int Max, IReadOnlyList<MenuChoice> Choices);

public sealed record MenuChoice(int Id, string Name, decimal PriceDelta, bool Available, [property: JsonPropertyName("default")] bool IsDefault);
