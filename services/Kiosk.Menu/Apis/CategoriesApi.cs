namespace Kiosk.Menu.Apis;

public static class CategoriesApi
{
    public static RouteGroupBuilder MapCategoriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/menu/categories").WithTags("Categories");

        api.MapGet("", GetCategories)
            .WithName("GetCategories")
            .WithSummary("The menu's sections, in board order");

        api.MapGet("/{code}/items", GetCategoryItems)
            .WithName("GetCategoryItems")
            .WithSummary("Every item in one section, sold-out ones included")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    public static async Task<Ok<List<CategoryResponse>>> GetCategories(MenuDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Categories
            .OrderBy(c => c.SortOrder)
            .Select(c => new CategoryResponse(c.Code, c.Name, c.SortOrder))
            .ToListAsync(cancellationToken));

    public static async Task<Results<Ok<List<MenuItemResponse>>, ProblemHttpResult>> GetCategoryItems(
        string code, MenuDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Categories.AnyAsync(c => c.Code == code, cancellationToken))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Category not found",
                detail: $"There is no menu category '{code}'. Category codes are upper case, e.g. CHICKENJOY.");
        }

        var items = await db.MenuItems.AsNoTracking().WithOptions()
            .Where(i => i.CategoryCode == code)
            .OrderBy(i => i.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(items.ConvertAll(MenuItemResponse.From));
    }
}
