namespace Kiosk.UnitTests.Cart;

using Kiosk.Cart.Domain;
using Kiosk.Cart.Expiry;
using Kiosk.Contracts;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

public sealed class CartExpiryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly CartExpiry _expiry;

    public CartExpiryTests() =>
        _expiry = new CartExpiry(Options.Create(new CartExpiryOptions { OpenCartIdle = TimeSpan.FromHours(2) }), _clock);

    [Fact]
    public void An_open_cart_expires_two_hours_after_its_last_change_not_after_its_opening()
    {
        var cart = Cart.Open(_clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(90));
        cart.Touch(_clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(119));

        Assert.False(_expiry.IsExpired(cart));
        _clock.Advance(TimeSpan.FromMinutes(2));
        var refusal = Assert.Throws<CartException>(() => _expiry.EnsureNotExpired(cart));
        Assert.Equal(CartError.Expired, refusal.Error);
        Assert.Contains("2 h", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("POST /api/carts", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checked_out_cart_never_idles()
    {
        var cart = Cart.Open(_clock.GetUtcNow());
        cart.AddItem(101, "Chickenjoy", 99.00m, 1);
        cart.Checkout(DiningOption.DineIn, Guid.NewGuid(), _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.False(_expiry.IsExpired(cart));
    }
}
