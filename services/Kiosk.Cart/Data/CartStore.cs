namespace Kiosk.Cart.Data;

using Kiosk.Cart.Domain;
using Kiosk.Cart.Expiry;
using Npgsql;

public static class CartStore
{
    private const int MaxAttempts = 10;

    /// <summary>The cart with its lines, tracked: every add, change and checkout starts from it.</summary>
    public static Task<Cart?> FindCartAsync(this CartDbContext db, Guid cartId, CancellationToken cancellationToken) =>
        FindCart(db, cartId, cancellationToken);

    // Read by every request that changes a cart (four per order: three adds and the checkout): compiled once, so each
    // read skips building the LINQ expression and looking it up in EF's query cache.
    private static readonly Func<CartDbContext, Guid, CancellationToken, Task<Cart?>> FindCart =
        EF.CompileAsyncQuery((CartDbContext db, Guid cartId, CancellationToken _) =>
            db.Carts.Include(c => c.Lines.OrderBy(l => l.Id)).SingleOrDefault(c => c.Id == cartId));

    /// <summary>
    /// Loads the cart, applies <paramref name="change"/> and saves it in one SaveChanges. When another request changed
    /// the cart in between, the save is refused (version check) and the change is applied again to what that request
    /// saved, so no update is lost and each rule is checked against the latest cart. Null when there is no such cart;
    /// <see cref="CartError.Expired"/> when it is an open cart left idle too long. The change keeps the cart alive.
    /// <paramref name="loaded"/>, the cart this request already read with <see cref="FindCartAsync"/> (tracked, with its
    /// lines), saves reading it again for the first attempt; the version check covers anything that changed since.
    /// </summary>
    public static async Task<Cart?> UpdateCartAsync(
        this CartDbContext db, Guid cartId, Action<Cart> change, CartExpiry expiry, CancellationToken cancellationToken,
        Cart? loaded = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var cart = attempt == 1 && loaded is not null ? loaded : await db.FindCartAsync(cartId, cancellationToken);
            if (cart is null)
            {
                return null;
            }

            expiry.EnsureNotExpired(cart);
            change(cart);
            cart.Touch(expiry.Now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return cart;
            }
            catch (DbUpdateException ex) when (ex.IsWriteConflict())
            {
                db.ChangeTracker.Clear();
                if (attempt == MaxAttempts)
                {
                    throw new CartException(CartError.Busy,
                        "This cart is being changed from somewhere else at the same moment; try again.");
                }
                // A short random pause, so racing requests stop colliding on every retry.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
        }
    }
}
