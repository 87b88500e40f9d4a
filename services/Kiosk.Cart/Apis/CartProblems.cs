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
        WithErrors(StatusCodes.Status400BadRequest, "The request is not valid", detail, new Dictionary<string, string[]> { [field] = [detail] });

    private static ProblemHttpResult WithErrors(int status, string title, string detail, IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = status,
            Title = title,
            Detail = detail,
        });

    public static ProblemHttpResult NotOnMenu(int menuItemId) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "Not on the menu", $"Menu item {menuItemId} is not on the menu.");

    public static ProblemHttpResult SoldOut(MenuItem item) =>
        WithErrors(StatusCodes.Status409Conflict, "Sold out", $"{item.Name} is sold out.",
            new Dictionary<string, string[]> { ["menuItemId"] = [$"{item.Name} is sold out."] });

    /// <summary>400: a required group left out, too many choices, a choice of another item, a duplicate.</summary>
    public static ProblemHttpResult InvalidChoices(MenuItem item, IDictionary<string, string[]> errors) =>
        WithErrors(StatusCodes.Status400BadRequest, "The choices are not valid",
            $"The choices for {item.Name} are not valid: {string.Join(" ", errors.Values.SelectMany(e => e))}", errors);

    /// <summary>409: a chosen option is sold out right now.</summary>
    public static ProblemHttpResult ChoiceSoldOut(MenuItem item, IDictionary<string, string[]> errors) =>
        WithErrors(StatusCodes.Status409Conflict, "Sold out",
            $"A choice for {item.Name} is sold out: {string.Join(" ", errors.Values.SelectMany(e => e))}", errors);

    /// <summary>409 at checkout, keyed by line id: lines whose item or choice sold out after they were added.</summary>
    public static ProblemHttpResult LinesSoldOut(IDictionary<string, string[]> errors) =>
        WithErrors(StatusCodes.Status409Conflict, "Sold out since added",
            "Some lines sold out after they were added; nothing was ordered. Change or remove them, then check out again: "
            + string.Join(" ", errors.Values.SelectMany(e => e)), errors);

    public static ProblemHttpResult MenuUnreachable() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Menu unavailable", "The menu is not reachable right now, try again.");

    public static ProblemHttpResult From(CartException rule) => rule.Error switch
    {
        CartError.InvalidQuantity => Invalid("quantity", rule.Message),
        CartError.LineNotFound => Problem(StatusCodes.Status404NotFound, "Line not found", rule.Message),
        CartError.CheckedOut => Problem(StatusCodes.Status409Conflict, "Cart already checked out", rule.Message),
        CartError.Empty => Problem(StatusCodes.Status422UnprocessableEntity, "Cart is empty", rule.Message),
        CartError.Busy => Problem(StatusCodes.Status409Conflict, "Cart changed meanwhile", rule.Message),
        // Like a cart the sweep has already deleted: 404, with a title that says why.
        CartError.Expired => Problem(StatusCodes.Status404NotFound, "Cart expired", rule.Message),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Error, null),
    };

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
