namespace Kiosk.Menu.Data;

/// <summary>A section of the menu board; the code is what URLs and the UI refer to.</summary>
public sealed class Category
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public int SortOrder { get; init; }
}
