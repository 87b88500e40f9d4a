namespace Kiosk.Web.Pages.Shared;

/// <summary>One step of the value-meal chooser (<c>_ChooserStep</c>): an option group, where it stands, and what is chosen in it.</summary>
public sealed record ChooserStep(MenuOptionGroup Group, int Number, int Count, IReadOnlySet<int> Chosen)
{
    /// <summary>Required groups come first, each keeping the menu's order; add-ons and other optional groups follow.</summary>
    public static IReadOnlyList<ChooserStep> For(MenuItem item, IReadOnlySet<int> chosen)
    {
        var groups = item.Groups.OrderBy(g => !g.IsRequired).ToList();
        return [.. groups.Select((group, i) => new ChooserStep(group, i + 1, groups.Count, chosen))];
    }
}
