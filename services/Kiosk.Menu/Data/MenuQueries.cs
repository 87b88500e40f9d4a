namespace Kiosk.Menu.Data;

public static class MenuQueries
{
    /// <summary>Items with their option groups and choices, as every item response shows them.</summary>
    public static IQueryable<MenuItem> WithOptions(this IQueryable<MenuItem> items) =>
        items.Include(i => i.OptionGroups).ThenInclude(g => g.Choices);
}
