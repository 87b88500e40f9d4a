namespace Kiosk.UnitTests.Cart;

using Kiosk.Contracts;
using Kiosk.Cart.Domain;

public sealed class CartCheckoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Checkout_of_an_empty_cart_is_refused_and_leaves_it_open()
    {
        var cart = Cart.Open(Now);

        var refusal = Assert.Throws<CartException>(() => cart.Checkout(DiningOption.DineIn, Guid.NewGuid(), Now));

        Assert.Equal(CartError.Empty, refusal.Error);
        Assert.Equal(CartStatus.Open, cart.Status);
        Assert.Null(cart.OrderId);
    }

    [Fact]
    public void Checkout_records_the_order_id_dining_option_and_time()
    {
        var cart = CartWithChicken();
        var orderId = Guid.NewGuid();
        var at = Now.AddMinutes(3);

        Assert.True(cart.Checkout(DiningOption.TakeOut, orderId, at));

        Assert.Equal(CartStatus.CheckedOut, cart.Status);
        Assert.Equal(orderId, cart.OrderId);
        Assert.Equal(DiningOption.TakeOut, cart.DiningOption);
        Assert.Equal(at, cart.CheckedOutAt);
    }

    [Fact]
    public void Checkout_twice_returns_the_same_order_and_reports_nothing_new()
    {
        var cart = CartWithChicken();
        var first = Guid.NewGuid();
        cart.Checkout(DiningOption.DineIn, first, Now);
        var version = cart.Version;

        Assert.False(cart.Checkout(DiningOption.TakeOut, Guid.NewGuid(), Now.AddMinutes(1)));

        Assert.Equal(first, cart.OrderId);
        Assert.Equal(DiningOption.DineIn, cart.DiningOption);
        Assert.Equal(Now, cart.CheckedOutAt);
        Assert.Equal(version, cart.Version);
    }

    [Fact]
    public void A_checked_out_cart_can_no_longer_change()
    {
        var cart = CartWithChicken();
        var line = Assert.Single(cart.Lines);
        cart.Checkout(DiningOption.DineIn, Guid.NewGuid(), Now);

        Assert.Equal(CartError.CheckedOut, Assert.Throws<CartException>(() => cart.AddItem(7, "Jolly Spaghetti", 60.00m, 1)).Error);
        Assert.Equal(CartError.CheckedOut, Assert.Throws<CartException>(() => cart.AddItem(1, "Chickenjoy 1pc", 99.00m, 1)).Error);
        Assert.Equal(CartError.CheckedOut, Assert.Throws<CartException>(() => cart.ChangeQuantity(line.Id, 5)).Error);
        Assert.Equal(CartError.CheckedOut, Assert.Throws<CartException>(() => cart.RemoveLine(line.Id)).Error);
        Assert.Equal(CartError.CheckedOut, Assert.Throws<CartException>(cart.EnsureOpen).Error);

        Assert.Equal(2, Assert.Single(cart.Lines).Quantity);
        Assert.Equal(198.00m, cart.Total);
    }

    [Fact]
    public void The_checkout_event_carries_the_order_the_lines_at_their_captured_prices_and_the_total()
    {
        var cart = CartWithChicken();
        cart.AddItem(7, "Jolly Spaghetti", 60.00m, 1);
        var orderId = Guid.NewGuid();
        cart.Checkout(DiningOption.TakeOut, orderId, Now);

        var @event = CartEvents.CheckedOut(cart);

        Assert.NotEqual(Guid.Empty, @event.EventId);
        Assert.Equal((orderId, cart.Id, "TAKE_OUT", 258.00m, Now), (@event.OrderId, @event.CartId, @event.DiningOption, @event.Total, @event.OccurredAt));
        Assert.Collection(@event.Items,
            item => Assert.Equal((1, "Chickenjoy 1pc", 99.00m, 2), (item.MenuItemId, item.Name, item.Price, item.Quantity)),
            item => Assert.Equal((7, "Jolly Spaghetti", 60.00m, 1), (item.MenuItemId, item.Name, item.Price, item.Quantity)));
    }

    [Fact]
    public void An_open_cart_has_no_checkout_event()
    {
        Assert.Throws<InvalidOperationException>(() => CartEvents.CheckedOut(CartWithChicken()));
    }

    [Theory]
    [InlineData("DINE_IN", true, DiningOption.DineIn)]
    [InlineData("TAKE_OUT", true, DiningOption.TakeOut)]
    [InlineData("dine_in", false, default(DiningOption))]
    [InlineData("DELIVERY", false, default(DiningOption))]
    [InlineData("", false, default(DiningOption))]
    [InlineData(null, false, default(DiningOption))]
    public void Only_DINE_IN_and_TAKE_OUT_are_dining_options(string? code, bool known, DiningOption expected)
    {
        Assert.Equal(known, DiningOptions.TryParse(code, out var option));
        if (known)
        {
            Assert.Equal(expected, option);
            Assert.Equal(code, option.ToCode());
        }
    }

    private static Cart CartWithChicken()
    {
        var cart = Cart.Open(Now);
        cart.AddItem(1, "Chickenjoy 1pc", 99.00m, 2);
        return cart;
    }
}
