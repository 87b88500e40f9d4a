namespace Kiosk.Cart.Expiry;

using Kiosk.Cart.Domain;

/// <summary>
/// How long carts are kept (<c>Kiosk:Cart</c>). An open cart nobody has changed for <see cref="OpenCartIdle"/> is
/// expired: it answers 404 "Cart expired" to every call, and the sweep deletes it. A checked-out cart is kept
/// <see cref="CheckedOutRetention"/> after its checkout: the payment service asks <c>GET /api/carts/by-order/{id}</c>
/// only in the seconds before the order service has created the order, and an order's cash can no longer be taken once
/// its business day (at most a day) has ended, so three days leave a wide margin.
/// </summary>
public sealed class CartExpiryOptions
{
    public const string Section = "Kiosk:Cart";

    public TimeSpan OpenCartIdle { get; set; } = TimeSpan.FromHours(2);
    public TimeSpan CheckedOutRetention { get; set; } = TimeSpan.FromDays(3);
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Carts deleted per statement: each delete is a short transaction that holds few locks.</summary>
    public int BatchSize { get; set; } = 500;
    /// <summary>Statements per sweep at most; what is left waits for the next sweep.</summary>
    public int MaxBatchesPerSweep { get; set; } = 20;
}

/// <summary>The clock and the idle rule every cart call checks.</summary>
public sealed class CartExpiry(Microsoft.Extensions.Options.IOptions<CartExpiryOptions> options, TimeProvider clock)
{
    public CartExpiryOptions Options { get; } = options.Value;

    public DateTimeOffset Now => clock.GetUtcNow();

    public bool IsExpired(Cart cart) => cart.IsIdleSince(Now - Options.OpenCartIdle);

    /// <summary>Refuses with <see cref="CartError.Expired"/> an open cart left unchanged too long.</summary>
    public void EnsureNotExpired(Cart cart)
    {
        if (IsExpired(cart))
        {
            throw new CartException(CartError.Expired,
                $"Cart {cart.Id} was left unchanged for more than {Describe(Options.OpenCartIdle)} and has expired; "
                + "start a new one with POST /api/carts.");
        }
    }

    private static string Describe(TimeSpan idle) =>
        idle.TotalHours >= 1 && idle.TotalHours == Math.Floor(idle.TotalHours) ? $"{idle.TotalHours:0} h"
        : idle.TotalMinutes >= 1 && idle.TotalMinutes == Math.Floor(idle.TotalMinutes) ? $"{idle.TotalMinutes:0} min"
        : $"{idle.TotalSeconds:0} s";
}
