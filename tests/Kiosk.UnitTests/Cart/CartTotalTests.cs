namespace Kiosk.UnitTests.Cart;

using Kiosk.Contracts;
using Kiosk.Cart.Domain;

public sealed class CartTotalTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_total_is_the_sum_of_unit_price_times_quantity()
    {
        var cart = Cart.Open(Now);
        var chicken = cart.AddItem(1, "Chickenjoy 1pc", 89.50m, 3);
        var spaghetti = cart.AddItem(7, "Jolly Spaghetti", 45.25m, 2);

        Assert.Equal(268.50m, chicken.LineTotal);
        Assert.Equal(90.50m, spaghetti.LineTotal);
        Assert.Equal(359.00m, cart.Total);
    }

    [Fact]
    public void Centavos_add_up_exactly()
    {
        var cart = Cart.Open(Now);
        cart.AddItem(1, "Sauce A", 0.10m, 1);
        cart.AddItem(2, "Sauce B", 0.20m, 1);

        // 0.1 + 0.2 is 0.30000000000000004 in binary floating point; money must not drift.
        Assert.Equal(0.30m, cart.Total);
    }

    [Fact]
    public void An_empty_cart_totals_zero_written_with_two_decimals()
    {
        var cart = Cart.Open(Now);

        Assert.Equal(0m, cart.Total);
        Assert.Equal("0.00", cart.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Whole_peso_prices_are_kept_with_two_decimals()
    {
        var cart = Cart.Open(Now);
        var line = cart.AddItem(1, "Chickenjoy 1pc", 99m, 2);

        Assert.Equal("99.00", line.UnitPrice.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("198.00", cart.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
