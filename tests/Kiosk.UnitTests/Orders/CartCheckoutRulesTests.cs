using Kiosk.Contracts.Events;
using Kiosk.Orders.Events;

namespace Kiosk.UnitTests.Orders;

public sealed class CartCheckoutRulesTests
{
    private static CartCheckout Valid() => new(
        EventId: Guid.NewGuid(),
        OrderId: Guid.NewGuid(),
        CartId: Guid.NewGuid(),
        DiningOption: "DINE_IN",
        Items: [new CartCheckoutItem(101, "Chickenjoy", 95.00m, 2), new CartCheckoutItem(301, "Peach Mango Pie", 45.00m, 1)],
        Total: 235.00m,
        OccurredAt: DateTimeOffset.UtcNow);

    [Fact]
    public void A_complete_checkout_breaks_no_rule()
    {
        Assert.Empty(CartCheckoutRules.Check(Valid()));
        CartCheckoutRules.EnsureValid(Valid());
    }

    [Fact]
    public void The_dining_option_may_come_in_any_casing()
    {
        Assert.Empty(CartCheckoutRules.Check(Valid() with { DiningOption = "take_out" }));
    }

    [Fact]
    public void A_missing_order_id_is_refused()
    {
        var problem = Assert.Single(CartCheckoutRules.Check(Valid() with { OrderId = Guid.Empty }));
        Assert.Contains("order_id", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkout_without_items_is_refused()
    {
        Assert.Contains("items is missing or empty", CartCheckoutRules.Check(Valid() with { Items = [] }));
        Assert.Contains("items is missing or empty", CartCheckoutRules.Check(Valid() with { Items = null! }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_line_with_no_positive_quantity_is_refused(int quantity)
    {
        var checkout = Valid() with { Items = [new CartCheckoutItem(101, "Chickenjoy", 95.00m, quantity)], Total = 95.00m * quantity };

        var problem = Assert.Single(CartCheckoutRules.Check(checkout));
        Assert.Contains("items[0].quantity", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("234.99")]
    [InlineData("235.01")]
    [InlineData("0")]
    public void A_total_that_is_not_the_sum_of_the_lines_is_refused(string total)
    {
        var problem = Assert.Single(CartCheckoutRules.Check(Valid() with { Total = decimal.Parse(total) }));
        Assert.Contains("235.00", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_with_fractions_of_a_centavo_is_refused()
    {
        var checkout = Valid() with { Items = [new CartCheckoutItem(101, "Chickenjoy", 95.005m, 2)], Total = 190.01m };

        Assert.Contains(CartCheckoutRules.Check(checkout), p => p.Contains("items[0].price", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_dining_option_is_refused()
    {
        var problem = Assert.Single(CartCheckoutRules.Check(Valid() with { DiningOption = "DRIVE_THRU" }));
        Assert.Contains("DRIVE_THRU", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_without_a_name_or_menu_item_is_refused()
    {
        var checkout = Valid() with { Items = [new CartCheckoutItem(0, " ", 95.00m, 1)], Total = 95.00m };

        Assert.Equal(2, CartCheckoutRules.Check(checkout).Count);
    }

    [Fact]
    public void An_invalid_checkout_throws_the_exception_that_sends_it_to_the_dead_letter_topic()
    {
        var checkout = Valid() with { OrderId = Guid.Empty, Items = [] };

        var error = Assert.Throws<InvalidEventException>(() => CartCheckoutRules.EnsureValid(checkout));

        Assert.Contains("order_id is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("items is missing or empty", error.Message, StringComparison.Ordinal);
        Assert.Contains(checkout.EventId.ToString(), error.Message, StringComparison.Ordinal);
    }
}
