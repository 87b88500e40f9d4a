namespace Kiosk.Menu.Apis;

[OpenApiExample("""
    {
      "id": 601,
      "categoryCode": "VALUE_MEALS",
      "name": "1-pc Chickenjoy Meal with Drink",
      "description": "One piece of Chickenjoy with rice, gravy and a regular drink.",
      "price": 135.00,
      "available": true,
      "imageKey": "chickenjoy",
      "hasOptions": true,
      "mealId": null,
      "optionGroups": [
        {
          "code": "DRINK",
          "name": "Drink",
          "min": 1,
          "max": 1,
          "choices": [
            { "id": 9101, "name": "Iced Tea", "priceDelta": 0.00, "available": true, "default": true },
            { "id": 9102, "name": "Cola", "priceDelta": 0.00, "available": true, "default": false },
            { "id": 9103, "name": "Pineapple Juice", "priceDelta": 10.00, "available": true, "default": false }
          ]
        },
        {
          "code": "DRINK_SIZE",
          "name": "Drink size",
          "min": 1,
          "max": 1,
          "choices": [
            { "id": 9111, "name": "Regular drink", "priceDelta": 0.00, "available": true, "default": true },
            { "id": 9112, "name": "Large drink", "priceDelta": 20.00, "available": true, "default": false }
          ]
        }
      ]
    }
    """)]
public sealed record MenuItemResponse(
    int Id,
    string CategoryCode,
    string Name,
    string Description,
    decimal Price,
    bool Available,
    string ImageKey,
    bool HasOptions,
    int? MealId,
    IReadOnlyList<OptionGroupResponse> OptionGroups)
{
    /// <summary>Needs the item's groups and their choices loaded (<see cref="MenuQueries.WithOptions"/>).</summary>
    public static MenuItemResponse From(MenuItem item) =>
        new(item.Id, item.CategoryCode, item.Name, item.Description, item.Price, item.Available, item.ImageKey,
            item.OptionGroups.Count > 0,
            item.MealId,
            [.. item.OptionGroups.OrderByDescending(g => g.IsRequired).ThenBy(g => g.SortOrder).Select(OptionGroupResponse.From)]);
}

/// <summary>One step of choosing: pick at least <c>min</c> and at most <c>max</c> of <c>choices</c>.</summary>
[OpenApiExample("""
    {
      "code": "DRINK_SIZE",
      "name": "Drink size",
      "min": 1,
      "max": 1,
      "choices": [
        { "id": 9111, "name": "Regular drink", "priceDelta": 0.00, "available": true, "default": true },
        { "id": 9112, "name": "Large drink", "priceDelta": 20.00, "available": true, "default": false }
      ]
    }
    """)]
public sealed record OptionGroupResponse(string Code, string Name, int Min, int Max, IReadOnlyList<OptionChoiceResponse> Choices)
{
    public static OptionGroupResponse From(OptionGroup group) =>
        new(group.Code, group.Name, group.Min, group.Max, [.. group.Choices.OrderBy(c => c.SortOrder).Select(OptionChoiceResponse.From)]);
}

/// <summary><c>priceDelta</c>: pesos added to the item's price when chosen. <c>default</c>: pre-selected.</summary>
[OpenApiExample("""
    { "id": 9112, "name": "Large drink", "priceDelta": 20.00, "available": true, "default": false }
    """)]
public sealed record OptionChoiceResponse(
    int Id, string Name, decimal PriceDelta, bool Available, [property: JsonPropertyName("default")] bool IsDefault)
{
    public static OptionChoiceResponse From(OptionChoice choice) =>
        new(choice.Id, choice.Name, Money.Round(choice.PriceDelta), choice.Available, choice.IsDefault);
}
