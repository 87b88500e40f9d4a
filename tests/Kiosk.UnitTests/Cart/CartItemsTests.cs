namespace Kiosk.UnitTests.Cart;

using Kiosk.Cart.Domain;

public sealed class CartItemsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Adding_an_item_creates_a_line_with_the_menu_name_and_price()
    {
        var cart = Cart.Open(Now);

        var line = cart.AddItem(1, "Chickenjoy 1pc", 99.00m, 2);

        Assert.Equal(line, Assert.Single(cart.Lines));
        Assert.Equal((1, "Chickenjoy 1pc", 99.00m, 2), (line.MenuItemId, line.Name, line.UnitPrice, line.Quantity));
        Assert.Equal(cart.Id, line.CartId);
        Assert.NotEqual(Guid.Empty, line.Id);
    }

    [Fact]
    public void Adding_the_same_item_again_raises_that_lines_quantity()
    {
        var cart = Cart.Open(Now);
        var first = cart.AddItem(1, "Chickenjoy 1pc", 99.00m, 2);
        cart.AddItem(7, "Jolly Spaghetti", 60.00m, 1);

        var again = cart.AddItem(1, "Chickenjoy 1pc", 99.00m, 3);

        Assert.Same(first, again);
        Assert.Equal(2, cart.Lines.Count);
        Assert.Equal(5, first.Quantity);
    }

    [Fact]
    public void Adding_the_same_item_again_keeps_the_price_it_was_first_added_at()
    {
        var cart = Cart.Open(Now);
        cart.AddItem(1, "Chickenjoy 1pc", 99.00m, 1);

        var line = cart.AddItem(1, "Chickenjoy 1pc", 105.00m, 1);

        Assert.Equal(99.00m, line.UnitPrice);
        Assert.Equal(198.00m, cart.Total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(21)]
    public void A_quantity_outside_one_to_twenty_is_refused(int quantity)
    {
        var cart = Cart.Open(Now);

        var refusal = Assert.Throws<CartException>(() => cart.AddItem(1, "Chickenjoy 1pc", 99.00m, quantity));

        Assert.Equal(CartError.InvalidQuantity, refusal.Error);
        Assert.Contains($"was {quantity}", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(cart.Lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void One_and_twenty_are_allowed_quantities(int quantity)
    {
        var cart = Cart.Open(Now);

        Assert.Equal(quantity, cart.AddItem(1, "Chickenjoy 1pc", 99.00m, quantity).Quantity);
    }

    [Fact]
    public void A_merged_line_may_reach_twenty_but_not_go_past_it()
    {
        var cart = Cart.Open(Now);
        var line = cart.AddItem(1, "Chickenjoy 1pc", 99.00m, 15);

        var refusal = Assert.Throws<CartException>(() => cart.AddItem(1, "Chickenjoy 1pc", 99.00m, 6));
        Assert.Equal(CartError.InvalidQuantity, refusal.Error);
        Assert.Equal(15, line.Quantity);

        cart.AddItem(1, "Chickenjoy 1pc", 99.00m, 5);
        Assert.Equal(20, line.Quantity);
    }

    [Fact]
    public void Changing_a_quantity_replaces_it()
    {
        var cart = Cart.Open(Now);
        var line = cart.AddItem(1, "Chickenjoy 1pc", 99.00m, 2);

        cart.ChangeQuantity(line.Id, 7);

        Assert.Equal(7, line.Quantity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void Changing_to_a_quantity_outside_one_to_twenty_is_refused_and_keeps_the_old_one(int quantity)
    {
        var cart = Cart.Open(Now);
        var line = cart.AddItem(1, "Chickenjoy 1pc", 99.00m, 2);

        var refusal = Assert.Throws<CartException>(() => cart.ChangeQuantity(line.Id, quantity));

        Assert.Equal(CartError.InvalidQuantity, refusal.Error);
        Assert.Equal(2, line.Quantity);
    }

    [Fact]
    public void Removing_a_line_takes_it_out_of_the_cart_and_the_total()
    {
        var cart = Cart.Open(Now);
        var chicken = cart.AddItem(1, "Chickenjoy 1pc", 99.00m, 2);
        cart.AddItem(7, "Jolly Spaghetti", 60.00m, 1);

        cart.RemoveLine(chicken.Id);

        Assert.Equal(7, Assert.Single(cart.Lines).MenuItemId);
        Assert.Equal(60.00m, cart.Total);
    }

    [Fact]
    public void Editing_or_removing_a_line_the_cart_does_not_have_is_refused_as_not_found()
    {
        var cart = Cart.Open(Now);
        cart.AddItem(1, "Chickenjoy 1pc", 99.00m, 2);
        var stranger = Guid.NewGuid();

        Assert.Equal(CartError.LineNotFound, Assert.Throws<CartException>(() => cart.ChangeQuantity(stranger, 3)).Error);
        Assert.Equal(CartError.LineNotFound, Assert.Throws<CartException>(() => cart.RemoveLine(stranger)).Error);
        Assert.Equal(2, Assert.Single(cart.Lines).Quantity);
    }

    [Fact]
    public void Every_accepted_change_bumps_the_version_and_a_refused_one_does_not()
    {
        var cart = Cart.Open(Now);
        var line = cart.AddItem(1, "Chickenjoy 1pc", 99.00m, 2);
        cart.AddItem(1, "Chickenjoy 1pc", 99.00m, 1);
        cart.ChangeQuantity(line.Id, 4);
        cart.AddItem(7, "Jolly Spaghetti", 60.00m, 1);
        cart.RemoveLine(line.Id);
        Assert.Equal(5, cart.Version);

        Assert.Throws<CartException>(() => cart.AddItem(7, "Jolly Spaghetti", 60.00m, 20));
        Assert.Equal(5, cart.Version);
    }
}
