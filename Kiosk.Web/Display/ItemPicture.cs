namespace Kiosk.Web.Display;

/// <summary>Chooses one of our own SVG illustrations in wwwroot/img for a menu item: by its image key, else by its category.</summary>
public static class ItemPicture
{
    private const string Fallback = "meal";

    private static readonly Dictionary<string, string> ByImageKey = new(StringComparer.OrdinalIgnoreCase)
    {
        ["chickenjoy"] = "chicken", ["bucket"] = "bucket",
        ["yumburger"] = "burger", ["champ"] = "burger", ["burger-steak"] = "burger-steak",
        ["spaghetti"] = "spaghetti", ["spaghetti-pan"] = "spaghetti", ["palabok"] = "palabok",
        ["fries"] = "fries", ["rice"] = "rice", ["soup"] = "soup", ["gravy"] = "soup",
        ["pie"] = "pie", ["sundae"] = "sundae", ["halo-halo"] = "halo-halo",
        ["hot-choco"] = "hot-drink", ["iced-tea"] = "drink", ["juice"] = "drink", ["soda"] = "drink", ["water"] = "drink",
    };

    private static readonly Dictionary<string, string> ByCategory = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CHICKENJOY"] = "chicken", ["BURGERS"] = "burger", ["SPAGHETTI"] = "spaghetti", ["BURGER_STEAK"] = "burger-steak",
        ["PALABOK"] = "palabok", ["VALUE_MEALS"] = "meal", ["SIDES"] = "fries", ["DESSERTS"] = "sundae", ["DRINKS"] = "drink",
    };

    public static string PathFor(MenuItem item) =>
        Path(item.ImageKey is { } key && ByImageKey.TryGetValue(key, out var picture) ? picture : CategoryPicture(item.CategoryCode));

    public static string PathForCategory(string categoryCode) => Path(CategoryPicture(categoryCode));

    private static string CategoryPicture(string categoryCode) => ByCategory.GetValueOrDefault(categoryCode, Fallback);

    private static string Path(string picture) => $"/img/{picture}.svg";
}
