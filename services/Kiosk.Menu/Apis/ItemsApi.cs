using System.Globalization;

namespace Kiosk.Menu.Apis;

public static class ItemsApi
{
    public static RouteGroupBuilder MapItemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/menu/items").WithTags("Items");

        api.MapGet("/{id:int}", GetItem)
            .WithName("GetMenuItem")
            .WithSummary("One menu item, with its current price, availability and option groups (drink, side, add-ons)")
            .WithDescription(
                "optionGroups is empty for a plain item. For each group pick at least min and at most max choices; "
                + "a choice's priceDelta is added to price. A cart add sends the chosen ids as choiceIds.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/{id:int}/availability", SetAvailability)
            .WithName("SetMenuItemAvailability")
            .WithSummary("Staff: mark an item sold out (false) or back on sale (true)")
            .WithDescription("Safe to repeat. While an item is sold out, adding it to a cart answers 409. "
                + "Each change (not a repeat) is announced on MENU_AVAILABILITY_CHANGED.")
            .RequireStaffApiKey()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    public static async Task<Results<Ok<MenuItemResponse>, ProblemHttpResult>> GetItem(
        int id, MenuDbContext db, CancellationToken cancellationToken)
    {
        var item = await db.MenuItems.AsNoTracking().WithOptions().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return item is null ? ItemNotFound(id) : TypedResults.Ok(MenuItemResponse.From(item));
    }

    public static async Task<Results<Ok<MenuItemResponse>, ValidationProblem, ProblemHttpResult>> SetAvailability(
        int id, AvailabilityRequest? request, MenuDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request?.Available is not bool available)
        {
            return AvailabilityRequest.Missing();
        }

        var item = await db.MenuItems.WithOptions().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return ItemNotFound(id);
        }

        if (item.SetAvailability(available))
        {
            db.AddIntegrationEvent(Topics.MenuAvailabilityChanged, key: item.Id.ToString(CultureInfo.InvariantCulture),
                new MenuAvailabilityChanged(Guid.CreateVersion7(), item.Id, available, clock.GetUtcNow()));
            audit.Record(db, "item.availability", item.Id.ToString(CultureInfo.InvariantCulture), new { item.Name, available });
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MenuItemResponse.From(item));
    }

    private static ProblemHttpResult ItemNotFound(int id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Menu item not found",
            detail: $"There is no menu item with id {id}.");
}
