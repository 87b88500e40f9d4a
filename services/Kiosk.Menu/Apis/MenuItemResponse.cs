namespace Kiosk.Menu.Apis;

public sealed record MenuItemResponse(
    int Id, string CategoryCode, string Name, string Description, decimal Price, bool Available, string ImageKey)
{
    public static MenuItemResponse From(MenuItem item) =>
        new(item.Id, item.CategoryCode, item.Name, item.Description, item.Price, item.Available, item.ImageKey);
}
