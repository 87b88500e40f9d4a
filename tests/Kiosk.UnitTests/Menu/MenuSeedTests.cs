using System.Text.RegularExpressions;
using Kiosk.Menu.Data;

namespace Kiosk.UnitTests.Menu;

public sealed partial class MenuSeedTests
{
    private static readonly IReadOnlyList<Category> Categories = MenuSeed.CreateCategories();
    private static readonly IReadOnlyList<MenuItem> Items = MenuSeed.CreateItems();

    [Fact]
    public void The_menu_has_at_least_eight_categories_with_unique_codes_and_sort_orders()
    {
        Assert.True(Categories.Count >= 8, $"Only {Categories.Count} categories.");
        Assert.Equal(Categories.Count, Categories.Select(c => c.Code).Distinct().Count());
        Assert.Equal(Categories.Count, Categories.Select(c => c.SortOrder).Distinct().Count());
        Assert.All(Categories, c => Assert.Matches(CategoryCodePattern(), c.Code));
    }

    [Fact]
    public void The_menu_has_at_least_thirty_items_with_unique_ids_and_names()
    {
        Assert.True(Items.Count >= 30, $"Only {Items.Count} items.");
        Assert.Equal(Items.Count, Items.Select(i => i.Id).Distinct().Count());
        Assert.Equal(Items.Count, Items.Select(i => i.Name).Distinct().Count());
    }

    [Fact]
    public void Every_item_belongs_to_a_listed_category_and_every_category_has_items()
    {
        var codes = Categories.Select(c => c.Code).ToHashSet();
        Assert.All(Items, i => Assert.Contains(i.CategoryCode, codes));
        Assert.All(Categories, c => Assert.Contains(Items, i => i.CategoryCode == c.Code));
    }

    [Fact]
    public void Prices_are_positive_whole_centavos_that_fit_the_price_column()
    {
        Assert.All(Items, i =>
        {
            Assert.True(i.Price > 0, $"{i.Name} costs {i.Price}.");
            Assert.True(decimal.Round(i.Price, 2) == i.Price, $"{i.Name} costs {i.Price}: more than two decimals.");
            Assert.True(i.Price < 100_000_000m, $"{i.Name} costs {i.Price}: too large for numeric(10,2).");
        });
    }

    [Fact]
    public void Every_item_starts_available_with_a_description_and_an_image_key()
    {
        Assert.All(Items, i =>
        {
            Assert.True(i.Available, $"{i.Name} starts sold out.");
            Assert.False(string.IsNullOrWhiteSpace(i.Description), $"{i.Name} has no description.");
            Assert.Matches(ImageKeyPattern(), i.ImageKey);
        });
    }

    [Fact]
    public void Seeded_ids_stay_below_the_first_id_the_database_generates()
    {
        Assert.All(Items, i => Assert.InRange(i.Id, 1, MenuDbContext.FirstGeneratedItemId - 1));
    }

    [Theory]
    [InlineData(101, "1-pc Chickenjoy with Rice")]
    [InlineData(201, "Yumburger")]
    [InlineData(301, "Jolly Spaghetti")]
    [InlineData(801, "Peach Mango Pie")]
    [InlineData(902, "Iced Tea (Regular)")]
    public void Published_item_ids_keep_their_items(int id, string name)
    {
        Assert.Equal(name, Assert.Single(Items, i => i.Id == id).Name);
    }

    [Theory]
    [InlineData("1-pc Chickenjoy with Rice", 85, 105)]
    [InlineData("Yumburger", 40, 50)]
    [InlineData("Peach Mango Pie", 40, 50)]
    public void Signature_items_are_priced_like_a_real_counter(string name, int minPesos, int maxPesos)
    {
        var item = Assert.Single(Items, i => i.Name == name);
        Assert.InRange(item.Price, minPesos, maxPesos);
    }

    [Fact]
    public void Every_drink_costs_45_to_60_pesos()
    {
        var drinks = Items.Where(i => i.CategoryCode == "DRINKS").ToList();
        Assert.NotEmpty(drinks);
        Assert.All(drinks, d => Assert.InRange(d.Price, 45m, 60m));
    }

    [GeneratedRegex("^[A-Z][A-Z_]*$")]
    private static partial Regex CategoryCodePattern();

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex ImageKeyPattern();
}
