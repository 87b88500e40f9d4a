using Kiosk.Contracts.Events;
using Kiosk.Orders.Events;

namespace Kiosk.UnitTests.Orders;

/// <summary>CART_CHECKOUT lines with choices and a note: the wire form, and what the order service accepts.</summary>
public sealed class CheckoutChoicesTests
{
    private static CartCheckout WithMeal(params LineChoice[] choices) => new(
        EventId: Guid.NewGuid(),
        OrderId: Guid.NewGuid(),
        CartId: Guid.NewGuid(),
        DiningOption: "DINE_IN",
        Items: [new CartCheckoutItem(601, "1-pc Chickenjoy Meal with Drink", 155.00m, 2, choices, "no ice")],
        Total: 310.00m,
        OccurredAt: DateTimeOffset.UtcNow);

    [Fact]
    public void Choices_and_note_travel_as_snake_case_fields_beside_the_seeds_fields()
    {
        var json = EventSerializer.SerializeToString(WithMeal(new LineChoice(9112, "Large drink", 20.00m)));

        Assert.Contains("\"menu_item_id\":601", json, StringComparison.Ordinal);
        Assert.Contains("\"price\":155.00", json, StringComparison.Ordinal);
        Assert.Contains("\"choices\":[{\"choice_id\":9112,\"name\":\"Large drink\",\"price_delta\":20.00}]", json, StringComparison.Ordinal);
        Assert.Contains("\"note\":\"no ice\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_from_a_producer_without_choices_reads_as_no_choices_and_no_note()
    {
        var json = """
            {"event_id":"0193f1f2-0000-7000-8000-000000000001","order_id":"0193f1f2-0000-7000-8000-000000000002",
             "cart_id":"0193f1f2-0000-7000-8000-000000000003","dining_option":"DINE_IN",
             "items":[{"menu_item_id":101,"name":"Chickenjoy","price":99.00,"quantity":1}],"total":99.00,
             "occurred_at":"2026-11-25T04:00:00Z"}
            """u8;

        var item = Assert.Single(EventSerializer.Deserialize<CartCheckout>(json).Items);

        Assert.Null(item.Choices);
        Assert.Null(item.Note);
        Assert.Empty(CartCheckoutRules.Check(EventSerializer.Deserialize<CartCheckout>(json)));
    }

    [Fact]
    public void A_line_with_valid_choices_breaks_no_rule()
    {
        Assert.Empty(CartCheckoutRules.Check(WithMeal(new LineChoice(9101, "Iced Tea", 0.00m), new LineChoice(9112, "Large drink", 20.00m))));
    }

    [Fact]
    public void A_choice_without_a_name_or_with_a_negative_delta_is_refused()
    {
        Assert.Contains(CartCheckoutRules.Check(WithMeal(new LineChoice(9112, " ", 20.00m))), p => p.Contains("choices[0]", StringComparison.Ordinal));
        Assert.Contains(CartCheckoutRules.Check(WithMeal(new LineChoice(9112, "Large", -5.00m))), p => p.Contains("price_delta", StringComparison.Ordinal));
    }

    [Fact]
    public void A_note_too_long_for_the_order_is_refused()
    {
        var checkout = WithMeal();
        checkout = checkout with { Items = [checkout.Items[0] with { Note = new string('x', 141) }] };

        Assert.Contains(CartCheckoutRules.Check(checkout), p => p.Contains("note", StringComparison.Ordinal));
    }
}
