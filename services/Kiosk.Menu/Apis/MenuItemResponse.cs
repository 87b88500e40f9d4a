namespace Kiosk.Menu.Apis;

[OpenApiExample("""
    {
      "id": 101,
      "categoryCode": "CHICKENJOY",
      "name": "1-pc Chickenjoy with Rice",
      "description": "One piece of our crackling-crisp fried chicken, juicy to the bone, with steamed rice and gravy.",
      "price": 99.00,
      "available": true,
      "imageKey": "chickenjoy"
    }
    """)]
public sealed record MenuItemResponse(
    int Id, string CategoryCode, string Name, string Description, decimal Price, bool Available, string ImageKey)
{
    public static MenuItemResponse From(MenuItem item) =>
        new(item.Id, item.CategoryCode, item.Name, item.Description, item.Price, item.Available, item.ImageKey);
}
