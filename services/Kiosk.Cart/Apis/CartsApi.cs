namespace Kiosk.Cart.Apis;

using Kiosk.Cart.Domain;
using Kiosk.Cart.Expiry;
using Kiosk.Idempotency;

public static class CartsApi
{
    public static RouteGroupBuilder MapCartsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/carts").WithTags("Carts");

        api.MapPost("", CreateCart)
            .WithName("CreateCart")
            .WithSummary("Start an empty cart for one customer at the kiosk")
            .WithDescription("201 with the empty cart and `Location: /api/carts/{cartId}`. Keep the cartId until the customer has checked out.");

        api.MapGet("/{cartId:guid}", GetCart)
            .WithName("GetCart")
            .WithSummary("The cart with its lines and total")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/by-order/{orderId:guid}", GetCartByOrder)
            .RequireStaffApiKey()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithName("GetCartByOrder")
            .WithSummary("The checked-out cart that became this order")
            .WithDescription(
                "200 as soon as the checkout is committed, before the order service has created the order; "
                + "the payment service asks this to tell 'on its way' (503, retry) from 'no such order' (404).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{cartId:guid}/items", AddItem)
            .WithName("AddCartItem")
            .WithSummary("Add a menu item with its choices and note (the same item, choices and note again raise that line's quantity); names and prices come from the menu")
            .WithDescription(
                "unitPrice = the item's price + every chosen choice's priceDelta. choiceIds left out takes each group's defaults. "
                + "400: quantity outside 1–20 (also for the line's new total), a malformed body, a note over 140 characters or with "
                + "control characters (errors.note), a required group left out or more choices than its max (errors['optionGroups.CODE']), "
                + "a choice of another item or a repeated one (errors['choiceIds.ID']). 404: no such cart. "
                + "409: the item (errors.menuItemId) or a chosen choice (errors['choiceIds.ID']) is sold out, or the cart is already checked out. "
                + "422: the item is not on the menu. "
                + "503: the menu service could not be asked; try again. Not idempotent by itself: repeating it adds the quantity "
                + "again, unless the request carries an `Idempotency-Key` header, whose repeat answers the first cart again "
                + "and adds nothing (the same key with another body answers 422; keys count per cart).")
            .WithIdempotencyKey<CartDbContext, AddItemRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPatch("/{cartId:guid}/items/{lineId:guid}", ChangeQuantity)
            .WithName("ChangeCartLineQuantity")
            .WithSummary("Set one line's quantity (1–20); its choices and note stay as they are")
            .WithDescription("Sets the quantity (safe to repeat). 404: no such cart or line. 409: the cart is already checked out.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapDelete("/{cartId:guid}/items/{lineId:guid}", RemoveLine)
            .WithName("RemoveCartLine")
            .WithSummary("Remove one line from the cart")
            .WithDescription("404: no such cart or line (also when the line was already removed). 409: the cart is already checked out.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/{cartId:guid}/checkout", Checkout)
            .WithName("CheckoutCart")
            .WithSummary("Place the order; repeating it answers the same order id and places nothing new")
            .WithDescription(
                "202 with the orderId and `Location: /api/orders/{orderId}`: the order is accepted, not yet created. "
                + "Poll that location every 500 ms–1 s; it answers 404 until the order service has processed the checkout. "
                + "400: diningOption is not DINE_IN or TAKE_OUT. 422: the cart is empty. 409: the cart changed at the same moment; retry. "
                + "409 with errors keyed by line id: an item or a chosen choice sold out after the line was added; nothing is ordered "
                + "and the cart stays open to change or remove those lines. 503: the menu could not be asked; try again.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return api;
    }

    public static async Task<Created<CartResponse>> CreateCart(CartDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var cart = Cart.Open(clock.GetUtcNow());
        db.Carts.Add(cart);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/carts/{cart.Id}", CartResponse.From(cart));
    }

    public static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> GetCart(
        Guid cartId, CartDbContext db, CartExpiry expiry, CancellationToken cancellationToken)
    {
        var cart = await db.Carts.AsNoTracking()
            .Include(c => c.Lines.OrderBy(l => l.Id))
            .SingleOrDefaultAsync(c => c.Id == cartId, cancellationToken);
        if (cart is null)
        {
            return CartProblems.CartNotFound(cartId);
        }
        try
        {
            expiry.EnsureNotExpired(cart);
        }
        catch (CartException expired)
        {
            return CartProblems.From(expired);
        }
        return TypedResults.Ok(CartResponse.From(cart));
    }

    public static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> GetCartByOrder(
        Guid orderId, CartDbContext db, CancellationToken cancellationToken)
    {
        var cart = await db.Carts.AsNoTracking()
            .Include(c => c.Lines.OrderBy(l => l.Id))
            .SingleOrDefaultAsync(c => c.OrderId == orderId, cancellationToken);
        return cart is null ? CartProblems.NoCheckoutFor(orderId) : TypedResults.Ok(CartResponse.From(cart));
    }

    public static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> AddItem(
        Guid cartId, AddItemRequest? request, CartDbContext db, MenuClient menu, CartExpiry expiry, CancellationToken cancellationToken)
    {
        if (request?.MenuItemId is not int menuItemId)
        {
            return CartProblems.Invalid("menuItemId", """Say which menu item to add, e.g. {"menuItemId": 1, "quantity": 1}.""");
        }
        if (request.Quantity is not int quantity || !CartLine.IsAllowedQuantity(quantity))
        {
            return CartProblems.Invalid("quantity", CartLine.QuantityRule(request.Quantity));
        }
        if (LineNote.Problem(request.Note) is { } noteProblem)
        {
            return CartProblems.Invalid("note", noteProblem);
        }

        try
        {
            // Answer for the cart before asking the menu: no menu call for a cart that cannot take items anyway. Read
            // once: the change below starts from this copy.
            var current = await db.FindCartAsync(cartId, cancellationToken);
            if (current is null)
            {
                return CartProblems.CartNotFound(cartId);
            }
            current.EnsureOpen();
            expiry.EnsureNotExpired(current);

            var item = await menu.FindItemAsync(menuItemId, cancellationToken);
            if (item is null)
            {
                return CartProblems.NotOnMenu(menuItemId);
            }
            if (!item.Available)
            {
                return CartProblems.SoldOut(item);
            }

            var choices = ChoiceRules.Check(item, request.ChoiceIds);
            if (choices.InvalidErrors is { } invalid)
            {
                return CartProblems.InvalidChoices(item, invalid);
            }
            if (choices.SoldOutErrors is { } soldOut)
            {
                return CartProblems.ChoiceSoldOut(item, soldOut);
            }

            // The price is captured now, as the customer sees it; checkout keeps it (see Checkout).
            return await ChangeCartAsync(db, cartId,
                cart => cart.AddItem(item.Id, item.Name, item.Price, choices.Chosen, request.Note, quantity), expiry, cancellationToken,
                loaded: current);
        }
        catch (MenuUnavailableException)
        {
            return CartProblems.MenuUnreachable();
        }
        catch (CartException rule)
        {
            // The cart was already checked out, or has expired.
            return CartProblems.From(rule);
        }
    }

    public static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> ChangeQuantity(
        Guid cartId, Guid lineId, ChangeQuantityRequest? request, CartDbContext db, CartExpiry expiry, CancellationToken cancellationToken)
    {
        if (request?.Quantity is not int quantity || !CartLine.IsAllowedQuantity(quantity))
        {
            return CartProblems.Invalid("quantity", CartLine.QuantityRule(request?.Quantity) + " To take a line out, remove it instead.");
        }
        return await ChangeCartAsync(db, cartId, cart => cart.ChangeQuantity(lineId, quantity), expiry, cancellationToken);
    }

    public static Task<Results<Ok<CartResponse>, ProblemHttpResult>> RemoveLine(
        Guid cartId, Guid lineId, CartDbContext db, CartExpiry expiry, CancellationToken cancellationToken) =>
        ChangeCartAsync(db, cartId, cart => cart.RemoveLine(lineId), expiry, cancellationToken);

    public static async Task<Results<Accepted<CheckoutResponse>, ProblemHttpResult>> Checkout(
        Guid cartId, CheckoutRequest? request, CartDbContext db, MenuClient menu, TimeProvider clock, CartExpiry expiry,
        CancellationToken cancellationToken)
    {
        if (!DiningOptions.TryParse(request?.DiningOption, out var diningOption))
        {
            return CartProblems.Invalid("diningOption",
                $"Choose how to eat: diningOption must be {DiningOptions.DineIn} or {DiningOptions.TakeOut}.");
        }

        try
        {
            // Nobody pays for what the kitchen no longer has: an item or choice that sold out since its line was added
            // stops the checkout (a repeat of a done checkout skips this and answers the same order).
            var current = await db.FindCartAsync(cartId, cancellationToken);
            if (await CheckoutAvailability.SoldOutLinesAsync(current, menu, cancellationToken) is { } soldOut)
            {
                return CartProblems.LinesSoldOut(soldOut);
            }

            var cart = await db.UpdateCartAsync(cartId, cart =>
            {
                // Prices are not re-read here: the order keeps the prices the customer saw when adding each item;
                // only availability is checked again (above).
                if (cart.Checkout(diningOption, Guid.NewGuid(), clock.GetUtcNow()))
                {
                    // Saved with the status change in one SaveChanges: the event exists exactly when the checkout does.
                    db.AddIntegrationEvent(Topics.CartCheckout, cart.OrderId!.Value.ToString(), CartEvents.CheckedOut(cart));
                }
            }, expiry, cancellationToken, loaded: current);

            return cart is null
                ? CartProblems.CartNotFound(cartId)
                : TypedResults.Accepted($"/api/orders/{cart.OrderId}", CheckoutResponse.From(cart));
        }
        catch (MenuUnavailableException)
        {
            return CartProblems.MenuUnreachable();
        }
        catch (CartException rule)
        {
            return CartProblems.From(rule);
        }
    }

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> ChangeCartAsync(
        CartDbContext db, Guid cartId, Action<Cart> change, CartExpiry expiry, CancellationToken cancellationToken,
        Cart? loaded = null)
    {
        try
        {
            var cart = await db.UpdateCartAsync(cartId, change, expiry, cancellationToken, loaded);
            return cart is null ? CartProblems.CartNotFound(cartId) : TypedResults.Ok(CartResponse.From(cart));
        }
        catch (CartException rule)
        {
            return CartProblems.From(rule);
        }
    }
}
