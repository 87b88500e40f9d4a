using System.Globalization;
namespace Kiosk.Menu.Apis;

/// <summary>The staff stock switch for one choice of an option group, e.g. "large drinks are out".</summary>
public static class ChoicesApi
{
    public static RouteGroupBuilder MapChoicesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/menu/choices").WithTags("Items");

        api.MapPut("/{id:int}/availability", SetChoiceAvailability)
            .WithName("SetMenuChoiceAvailability")
            .WithSummary("Staff: mark one choice of an item's option group sold out (false) or back on sale (true)")
            .WithDescription(
                "Answers the item the choice belongs to. Safe to repeat. While a choice is sold out, adding it to a cart "
                + "answers 409, and checking out a cart that holds it answers 409 naming the line.")
            .RequireStaffApiKey()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    public static async Task<Results<Ok<MenuItemResponse>, ValidationProblem, ProblemHttpResult>> SetChoiceAvailability(
        int id, AvailabilityRequest? request, MenuDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request?.Available is not bool available)
        {
            return AvailabilityRequest.Missing();
        }

        var choice = await db.OptionChoices.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (choice is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Choice not found",
                detail: $"There is no option choice with id {id}.");
        }

        var itemId = await db.OptionGroups.Where(g => g.Id == choice.OptionGroupId).Select(g => g.MenuItemId).SingleAsync(cancellationToken);
        if (choice.SetAvailability(available))
        {
            // Keyed by the item, like an item's own switch: a kiosk showing the item hears of its choices in order.
            db.AddIntegrationEvent(Topics.MenuAvailabilityChanged, key: itemId.ToString(CultureInfo.InvariantCulture),
                new MenuAvailabilityChanged(Guid.CreateVersion7(), itemId, available, clock.GetUtcNow()) { ChoiceId = choice.Id });
            audit.Record(db, "choice.availability", choice.Id.ToString(CultureInfo.InvariantCulture), new { itemId, choice.Name, available });
        }
        await db.SaveChangesAsync(cancellationToken);

        var item = await db.MenuItems.AsNoTracking().WithOptions().SingleAsync(i => i.Id == itemId, cancellationToken);
        return TypedResults.Ok(MenuItemResponse.From(item));
    }
}
