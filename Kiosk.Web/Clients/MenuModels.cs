namespace Kiosk.Web.Clients;

public sealed record MenuCategory(string Code, string Name, int SortOrder);

/// <summary>
/// A menu item as the menu service returns it; <see cref="ImageKey"/> is optional and picks the picture when present.
/// <see cref="OptionGroups"/> (drink, side, add-ons) is empty for a plain item; <see cref="MealId"/> is the value meal a solo item can become.
/// </summary>
public sealed record MenuItem(
    int Id, string CategoryCode, string Name, string? Description, decimal Price, bool Available, string? ImageKey = null,
    bool HasOptions = false, int? MealId = null, IReadOnlyList<MenuOptionGroup>? OptionGroups = null)
{
    public IReadOnlyList<MenuOptionGroup> Groups => OptionGroups ?? [];
}

/// <summary>One step of the chooser: pick at least <see cref="Min"/> and at most <see cref="Max"/> choices.</summary>
public sealed record MenuOptionGroup(string Code, string Name, int Min, int Max, IReadOnlyList<MenuChoice> Choices)
{
    public bool IsRequired => Min > 0;

    /// <summary>A group of exactly one choice is a radio group; anything else is check boxes.</summary>
    public bool IsSingle => Max == 1;
}

public sealed record MenuChoice(int Id, string Name, decimal PriceDelta, bool Available, [property: JsonPropertyName("default")] bool IsDefault);
