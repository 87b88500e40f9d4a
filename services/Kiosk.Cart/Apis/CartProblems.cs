namespace Kiosk.Cart.Apis;

using Kiosk.Cart.Domain;

/// <summary>Every refusal the cart API gives, each with a detail the kiosk can show as it is.</summary>
public static class CartProblems
{
    public static ProblemHttpResult CartNotFound(Guid cartId) =>
        Problem(StatusCodes.Status404NotFound, "Cart not found", $"There is no cart {cartId}; start a new one with POST /api/carts.");

    public static ProblemHttpResult NoCheckoutFor(Guid orderId) =>
        Problem(StatusCodes.Status404NotFound, "No such checkout", $"No cart was checked out as order {orderId}.");

    public static ProblemHttpResult Invalid(string field, string detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Detail = detail,
        });

    public static ProblemHttpResult NotOnMenu(int menuItemId) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "Not on the menu", $"Menu item {menuItemId} is not on the menu.");

    public static ProblemHttpResult SoldOut(MenuItem item) =>
        Problem(StatusCodes.Status409Conflict, "Sold out", $"{item.Name} is sold out.");

    public static ProblemHttpResult MenuUnreachable() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Menu unavailable", "The menu is not reachable right now, try again.");

    public static ProblemHttpResult From(CartException rule) => rule.Error switch
    {
        CartError.InvalidQuantity => Invalid("quantity", rule.Message),
        CartError.LineNotFound => Problem(StatusCodes.Status404NotFound, "Line not found", rule.Message),
        CartError.CheckedOut => Problem(StatusCodes.Status409Conflict, "Cart already checked out", rule.Message),
        CartError.Empty => Problem(StatusCodes.Status422UnprocessableEntity, "Cart is empty", rule.Message),
        CartError.Busy => Problem(StatusCodes.Status409Conflict, "Cart changed meanwhile", rule.Message),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Error, null),
    };

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
