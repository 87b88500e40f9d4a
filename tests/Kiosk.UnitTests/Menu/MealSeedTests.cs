using Kiosk.Menu.Data;

namespace Kiosk.UnitTests.Menu;

/// <summary>The seeded value meals: a required drink with an upsize, a side swap, a free flavour, capped add-ons.</summary>
public sealed class MealSeedTests
{
    private static readonly IReadOnlyList<MenuItem> Items = MenuSeed.CreateItems();
    private static readonly IReadOnlyList<OptionGroup> Groups = MenuSeed.CreateOptionGroups();

    [Fact]
    public void At_least_six_value_meals_have_a_required_drink_and_a_paid_upsize()
    {
        var meals = Groups.Where(g => g.Code == "DRINK" && g.Min == 1 && g.Max == 1).Select(g => g.MenuItemId).ToHashSet();
        Assert.True(meals.Count >= 6, $"Only {meals.Count} meals with a drink.");
        Assert.All(meals, meal =>
        {
            var size = Assert.Single(Groups, g => g.MenuItemId == meal && g.Code == "DRINK_SIZE");
            Assert.Contains(size.Choices, c => c.PriceDelta > 0);
        });
    }

    [Fact]
    public void Some_meals_swap_their_side_for_a_price_offer_a_free_flavour_and_cap_their_add_ons()
    {
        Assert.Contains(Groups, g => g.Code == "SIDE" && g.Choices.Any(c => c.PriceDelta > 0) && g.Choices.Count(c => c.IsDefault) == 1);
        Assert.Contains(Groups, g => g.Code == "FLAVOR" && g.Choices.Count >= 2 && g.Choices.All(c => c.PriceDelta == 0));
        Assert.Contains(Groups, g => g.Code == "ADD_ONS" && g.Min == 0 && g.Max < g.Choices.Count);
    }

    [Fact]
    public void Every_group_is_consistent_and_every_required_group_has_one_default()
    {
        Assert.All(Groups, g =>
        {
            Assert.Contains(Items, i => i.Id == g.MenuItemId);
            Assert.InRange(g.Min, 0, g.Max);
            Assert.True(g.Max <= g.Choices.Count, $"{g.MenuItemId}/{g.Code}: max {g.Max} with {g.Choices.Count} choices.");
            Assert.All(g.Choices, c => Assert.True(c.PriceDelta >= 0 && decimal.Round(c.PriceDelta, 2) == c.PriceDelta));
            if (g.IsRequired)
            {
                Assert.Equal(g.Min, g.Choices.Count(c => c.IsDefault));
            }
        });
        Assert.Equal(Groups.Count, Groups.Select(g => (g.MenuItemId, g.Code)).Distinct().Count());
    }

    [Fact]
    public void Choice_ids_are_unique_across_the_menu()
    {
        var ids = Groups.SelectMany(g => g.Choices).Select(c => c.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Every_solo_item_with_a_meal_points_at_a_value_meal_with_options()
    {
        var solos = Items.Where(i => i.MealId is not null).ToList();
        Assert.True(solos.Count >= 6);
        Assert.All(solos, solo =>
        {
            var meal = Assert.Single(Items, i => i.Id == solo.MealId);
            Assert.Equal("VALUE_MEALS", meal.CategoryCode);
            Assert.Contains(Groups, g => g.MenuItemId == meal.Id);
        });
    }

    [Theory]
    [InlineData(601, 9112, "Large drink", 20.00)]
    [InlineData(601, 9122, "Jolly Spaghetti instead of rice", 45.00)]
    [InlineData(601, 9132, "Spicy", 0.00)]
    public void Published_choice_ids_keep_their_choices(int mealId, int choiceId, string name, decimal delta)
    {
        var choice = Assert.Single(Groups.Where(g => g.MenuItemId == mealId).SelectMany(g => g.Choices), c => c.Id == choiceId);
        Assert.Equal((name, delta), (choice.Name, choice.PriceDelta));
    }
}
