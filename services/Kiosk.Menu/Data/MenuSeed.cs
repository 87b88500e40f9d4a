namespace Kiosk.Menu.Data;

/// <summary>
/// The opening catalogue. Ids are fixed (category number × 100 + position) because the kiosk and the tests refer to them.
/// Prices are pesos, VAT included.
/// </summary>
public static partial class MenuSeed
{
    /// <summary>Runs at every start; fills the menu only when it is empty, so staff changes survive a restart.</summary>
    public static async Task SeedAsync(MenuDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Categories.AnyAsync(cancellationToken))
        {
            await AddMealOptionsAsync(db, cancellationToken);
            return;
        }

        db.Categories.AddRange(CreateCategories());
        db.MenuItems.AddRange(CreateItems());
        db.OptionGroups.AddRange(CreateOptionGroups());
        await db.SaveChangesAsync(cancellationToken);
    }

    public static IReadOnlyList<Category> CreateCategories() =>
    [
        new() { Code = "CHICKENJOY", Name = "Chickenjoy", SortOrder = 1 },
        new() { Code = "BURGERS", Name = "Burgers", SortOrder = 2 },
        new() { Code = "SPAGHETTI", Name = "Jolly Spaghetti", SortOrder = 3 },
        new() { Code = "BURGER_STEAK", Name = "Burger Steak", SortOrder = 4 },
        new() { Code = "PALABOK", Name = "Palabok", SortOrder = 5 },
        new() { Code = "VALUE_MEALS", Name = "Value Meals", SortOrder = 6 },
        new() { Code = "SIDES", Name = "Sides", SortOrder = 7 },
        new() { Code = "DESSERTS", Name = "Desserts", SortOrder = 8 },
        new() { Code = "DRINKS", Name = "Drinks", SortOrder = 9 },
    ];

    public static IReadOnlyList<MenuItem> CreateItems() =>
    [
        Item(101, "CHICKENJOY", "1-pc Chickenjoy with Rice", 99.00m, "chickenjoy", mealId: 601,
            "One piece of our crackling-crisp fried chicken, juicy to the bone, with steamed rice and gravy."),
        Item(102, "CHICKENJOY", "2-pc Chickenjoy with Rice", 185.00m, "chickenjoy", mealId: 607,
            "Two pieces of golden fried chicken for the really hungry, with rice and a cup of gravy."),
        Item(103, "CHICKENJOY", "1-pc Chickenjoy with Jolly Spaghetti", 155.00m, "chickenjoy", mealId: 605,
            "The classic pairing: a piece of crispy chicken next to our sweet-style spaghetti."),
        Item(104, "CHICKENJOY", "1-pc Chickenjoy Solo", 82.00m, "chickenjoy", mealId: 601,
            "Just the chicken: one crisp, well-seasoned piece, no rice."),
        Item(105, "CHICKENJOY", "6-pc Chickenjoy Bucket", 549.00m, "bucket",
            "Six pieces of fried chicken to share, with gravy on the side."),

        Item(201, "BURGERS", "Yumburger", 45.00m, "yumburger", mealId: 602,
            "A soft bun, a savoury beef patty and our creamy dressing. Small, simple, hard to stop at one."),
        Item(202, "BURGERS", "Cheesy Yumburger", 62.00m, "yumburger",
            "The Yumburger with a melting slice of cheese on top."),
        Item(203, "BURGERS", "Bacon Cheesy Yumburger", 89.00m, "yumburger",
            "Cheese, smoky bacon strips and our dressing on a beef patty."),
        Item(204, "BURGERS", "Champ Burger", 185.00m, "champ", mealId: 606,
            "A big quarter-pound beef patty with lettuce, tomato and cheese on a toasted sesame bun."),
        Item(205, "BURGERS", "Pineapple Champ", 205.00m, "champ",
            "Our quarter-pounder topped with a grilled pineapple ring for a sweet, tangy bite."),

        Item(301, "SPAGHETTI", "Jolly Spaghetti", 70.00m, "spaghetti", mealId: 603,
            "Sweet-style tomato sauce, sliced hotdogs, ground meat and a blanket of grated cheese."),
        Item(302, "SPAGHETTI", "Jolly Spaghetti with Yumburger", 112.00m, "spaghetti",
            "A plate of Jolly Spaghetti and a Yumburger: a favourite after-school merienda."),
        Item(303, "SPAGHETTI", "Jolly Spaghetti Family Pan", 330.00m, "spaghetti-pan",
            "Enough sweet-style spaghetti for the whole table, about five servings."),

        Item(401, "BURGER_STEAK", "1-pc Burger Steak with Rice", 75.00m, "burger-steak", mealId: 604,
            "A tender beef patty smothered in mushroom gravy, over steamed rice."),
        Item(402, "BURGER_STEAK", "2-pc Burger Steak with Rice", 135.00m, "burger-steak",
            "Two beef patties, double the mushroom gravy, one generous cup of rice."),
        Item(403, "BURGER_STEAK", "Burger Steak Family Pan", 399.00m, "burger-steak",
            "Six patties swimming in mushroom gravy, made for sharing with rice."),

        Item(501, "PALABOK", "Palabok Fiesta", 150.00m, "palabok",
            "Rice noodles in a rich shrimp-and-garlic sauce, with egg, crushed chicharon and a squeeze of calamansi."),
        Item(502, "PALABOK", "Palabok Family Pan", 499.00m, "palabok",
            "Our party-sized palabok, heaped with toppings, for four to six."),

        Item(601, "VALUE_MEALS", "1-pc Chickenjoy Meal with Drink", 135.00m, "chickenjoy",
            "One piece of Chickenjoy with rice, gravy and a regular drink."),
        Item(602, "VALUE_MEALS", "Yumburger Meal with Fries and Drink", 110.00m, "yumburger",
            "A Yumburger, regular crispy fries and a regular drink."),
        Item(603, "VALUE_MEALS", "Jolly Spaghetti Meal with Drink", 105.00m, "spaghetti",
            "A plate of Jolly Spaghetti with a regular drink."),
        Item(604, "VALUE_MEALS", "Burger Steak Meal with Drink", 112.00m, "burger-steak",
            "One Burger Steak with rice and a regular drink."),
        Item(605, "VALUE_MEALS", "Chickenjoy and Spaghetti Meal with Drink", 189.00m, "chickenjoy",
            "A piece of Chickenjoy, Jolly Spaghetti and a regular drink: the full fiesta."),
        Item(606, "VALUE_MEALS", "Champ Meal with Fries and Drink", 255.00m, "champ",
            "The Champ quarter-pounder with regular fries and a regular drink."),
        Item(607, "VALUE_MEALS", "2-pc Chickenjoy Meal with Drink", 219.00m, "chickenjoy",
            "Two pieces of Chickenjoy with rice, gravy and a regular drink, for a big appetite."),

        Item(701, "SIDES", "Jolly Crispy Fries (Regular)", 55.00m, "fries",
            "Golden, lightly salted shoestring fries."),
        Item(702, "SIDES", "Jolly Crispy Fries (Large)", 85.00m, "fries",
            "A bigger scoop of our crispy fries, good for sharing."),
        Item(703, "SIDES", "Steamed Rice", 30.00m, "rice",
            "An extra cup of fluffy white rice."),
        Item(704, "SIDES", "Creamy Macaroni Soup", 60.00m, "soup",
            "Warm, milky chicken broth with macaroni, shredded chicken and vegetables."),
        Item(705, "SIDES", "Extra Gravy", 15.00m, "gravy",
            "One more cup of our savoury gravy. Nobody is judging."),

        Item(801, "DESSERTS", "Peach Mango Pie", 45.00m, "pie",
            "A crisp, bubbly turnover filled with hot peach and mango chunks."),
        Item(802, "DESSERTS", "Chocolate Sundae", 45.00m, "sundae",
            "Soft-serve vanilla ice cream under a swirl of chocolate syrup."),
        Item(803, "DESSERTS", "Caramel Sundae", 45.00m, "sundae",
            "Soft-serve vanilla ice cream with buttery caramel syrup."),
        Item(804, "DESSERTS", "Halo-Halo", 95.00m, "halo-halo",
            "Shaved ice, sweet beans, jellies, leche flan and ube, topped with ice cream. Mix it all up."),
        Item(805, "DESSERTS", "Choco Mallow Pie", 45.00m, "pie",
            "A flaky turnover filled with warm chocolate and melted marshmallow."),

        Item(901, "DRINKS", "Pineapple Juice", 55.00m, "juice",
            "Chilled, sweet-tart pineapple juice."),
        Item(902, "DRINKS", "Iced Tea (Regular)", 50.00m, "iced-tea",
            "House-brewed iced tea with a hint of lemon."),
        Item(903, "DRINKS", "Cola (Regular)", 50.00m, "soda",
            "Ice-cold cola, regular cup."),
        Item(904, "DRINKS", "Orange Juice", 55.00m, "juice",
            "Chilled orange juice drink."),
        Item(905, "DRINKS", "Hot Chocolate", 55.00m, "hot-choco",
            "A warm, thick cup of cocoa."),
        Item(906, "DRINKS", "Bottled Water", 45.00m, "water",
            "500 ml of still drinking water."),
    ];

    private static MenuItem Item(int id, string categoryCode, string name, decimal price, string imageKey, string description) =>
        Item(id, categoryCode, name, price, imageKey, mealId: null, description);

    private static MenuItem Item(
        int id, string categoryCode, string name, decimal price, string imageKey, int? mealId, string description) =>
        new()
        {
            MealId = mealId,
            Id = id,
            CategoryCode = categoryCode,
            Name = name,
            Price = price,
            ImageKey = imageKey,
            Description = description,
        };
}
