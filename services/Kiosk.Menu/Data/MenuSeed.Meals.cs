namespace Kiosk.Menu.Data;

/// <summary>
/// The value meals' choices. Choice ids are fixed: 9000 + meal × 100 (meal = item id − 600) + step × 10 + position,
/// so 9112 is meal 601's large drink. Deltas are pesos, VAT included, added to the meal's price.
/// </summary>
public static partial class MenuSeed
{
    private const int DrinkStep = 0;
    private const int SizeStep = 1;
    private const int SideStep = 2;
    private const int FlavourStep = 3;
    private const int AddOnStep = 4;

    public static IReadOnlyList<OptionGroup> CreateOptionGroups() =>
    [
        .. Meal(601, Drink, Size, RiceSide, Flavour, AddOns(("Extra Gravy", 15.00m), ("Extra Rice", 30.00m), ("Peach Mango Pie", 40.00m))),
        .. Meal(602, Drink, Size, FriesSide, AddOns(("Extra Cheese", 12.00m), ("Peach Mango Pie", 40.00m))),
        .. Meal(603, Drink, Size, AddOns(("Extra Cheese", 15.00m), ("Peach Mango Pie", 40.00m))),
        .. Meal(604, Drink, Size, RiceSide, AddOns(("Extra Mushroom Gravy", 15.00m), ("Extra Rice", 30.00m), ("Peach Mango Pie", 40.00m))),
        .. Meal(605, Drink, Size, Flavour, AddOns(("Extra Gravy", 15.00m), ("Extra Rice", 30.00m), ("Peach Mango Pie", 40.00m))),
        .. Meal(606, Drink, Size, FriesSide, AddOns(("Extra Cheese", 12.00m), ("Peach Mango Pie", 40.00m))),
        .. Meal(607, Drink, Size, RiceSide, Flavour, AddOns(("Extra Gravy", 15.00m), ("Extra Rice", 30.00m), ("Peach Mango Pie", 40.00m))),
    ];

    /// <summary>
    /// A menu seeded before value meals had choices gets them at the next start: the new meals, the groups and the
    /// solo items' meal links. Runs once (when there are no groups yet); staff changes to items are kept.
    /// </summary>
    private static async Task AddMealOptionsAsync(MenuDbContext db, CancellationToken cancellationToken)
    {
        if (await db.OptionGroups.AnyAsync(cancellationToken))
        {
            return;
        }

        var existing = await db.MenuItems.Select(i => i.Id).ToListAsync(cancellationToken);
        var items = CreateItems();
        db.MenuItems.AddRange(items.Where(i => !existing.Contains(i.Id)));
        db.OptionGroups.AddRange(CreateOptionGroups());
        await db.SaveChangesAsync(cancellationToken);

        foreach (var solo in items.Where(i => i.MealId is not null && existing.Contains(i.Id)))
        {
            await db.MenuItems.Where(i => i.Id == solo.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.MealId, solo.MealId), cancellationToken);
        }
    }

    private delegate OptionGroup Step(int mealId);

    private static IEnumerable<OptionGroup> Meal(int mealId, params Step[] steps) => steps.Select(step => step(mealId));

    private static OptionGroup Drink(int mealId) => Group(mealId, DrinkStep, "DRINK", "Drink", 1, 1,
        ("Iced Tea", 0.00m, true), ("Cola", 0.00m, false), ("Pineapple Juice", 10.00m, false));

    private static OptionGroup Size(int mealId) => Group(mealId, SizeStep, "DRINK_SIZE", "Drink size", 1, 1,
        ("Regular drink", 0.00m, true), ("Large drink", 20.00m, false));

    private static OptionGroup RiceSide(int mealId) => Group(mealId, SideStep, "SIDE", "Side", 1, 1,
        ("Steamed Rice", 0.00m, true), ("Jolly Spaghetti instead of rice", 45.00m, false), ("Fries instead of rice", 35.00m, false));

    private static OptionGroup FriesSide(int mealId) => Group(mealId, SideStep, "SIDE", "Side", 1, 1,
        ("Regular Fries", 0.00m, true), ("Large Fries", 25.00m, false), ("Jolly Spaghetti instead of fries", 20.00m, false));

    private static OptionGroup Flavour(int mealId) => Group(mealId, FlavourStep, "FLAVOR", "Flavour", 1, 1,
        ("Original", 0.00m, true), ("Spicy", 0.00m, false));

    private static Step AddOns(params (string Name, decimal Delta)[] addOns) => mealId =>
        Group(mealId, AddOnStep, "ADD_ONS", "Add-ons", 0, 2, [.. addOns.Select(a => (a.Name, a.Delta, false))]);

    private static OptionGroup Group(
        int mealId, int step, string code, string name, int min, int max, params (string Name, decimal Delta, bool IsDefault)[] choices) =>
        new()
        {
            MenuItemId = mealId,
            Code = code,
            Name = name,
            Min = min,
            Max = max,
            SortOrder = step,
            Choices =
            [
                .. choices.Select((c, position) => new OptionChoice
                {
                    Id = 9000 + ((mealId - 600) * 100) + (step * 10) + position + 1,
                    Name = c.Name,
                    PriceDelta = c.Delta,
                    IsDefault = c.IsDefault,
                    SortOrder = position + 1,
                }),
            ],
        };
}
