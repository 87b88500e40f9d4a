namespace Kiosk.Menu.Data;

/// <summary>
/// One step of choosing a menu item, e.g. its drink or its side: the customer picks between <see cref="Min"/> and
/// <see cref="Max"/> of its <see cref="Choices"/>. A group with <c>Min</c> 0 is optional (add-ons).
/// </summary>
public sealed class OptionGroup
{
    public int Id { get; init; }
    public int MenuItemId { get; init; }

    /// <summary>Upper case, unique within its item; what errors name (e.g. <c>DRINK</c>).</summary>
    public required string Code { get; init; }
    public required string Name { get; init; }
    public int Min { get; init; }
    public int Max { get; init; }

    /// <summary>Required groups come first on the kiosk; within that, this order.</summary>
    public int SortOrder { get; init; }

    public List<OptionChoice> Choices { get; init; } = [];

    public bool IsRequired => Min > 0;
}
