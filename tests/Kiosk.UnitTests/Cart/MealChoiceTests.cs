namespace Kiosk.UnitTests.Cart;

using Kiosk.Cart.Domain;
using Kiosk.Cart.Menu;

/// <summary>Value meals in the cart: which choices may be added, what they cost, when two adds are one line.</summary>
public sealed class MealChoiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(8));

    private static MenuItem Meal(bool largeAvailable = true, bool mealAvailable = true) => new(
        601, "VALUE_MEALS", "1-pc Chickenjoy Meal with Drink", "", 135.00m, mealAvailable, "chickenjoy",
        [
            new("DRINK", "Drink", 1, 1, [new(9101, "Iced Tea", 0.00m, true, true), new(9102, "Cola", 0.00m, true, false), new(9103, "Pineapple Juice", 10.00m, true, false)]),
            new("DRINK_SIZE", "Drink size", 1, 1, [new(9111, "Regular drink", 0.00m, true, true), new(9112, "Large drink", 20.00m, largeAvailable, false)]),
            new("ADD_ONS", "Add-ons", 0, 2, [new(9141, "Extra Gravy", 15.00m, true, false), new(9142, "Extra Rice", 30.00m, true, false), new(9143, "Peach Mango Pie", 40.00m, true, false)]),
        ]);

    [Fact]
    public void Valid_choices_come_back_in_menu_order_with_the_menus_names_and_deltas()
    {
        var check = ChoiceRules.Check(Meal(), [9142, 9112, 9103]);

        Assert.Null(check.InvalidErrors);
        Assert.Null(check.SoldOutErrors);
        Assert.Equal(
            [new ChosenOption(9103, "Pineapple Juice", 10.00m), new ChosenOption(9112, "Large drink", 20.00m), new ChosenOption(9142, "Extra Rice", 30.00m)],
            check.Chosen);
    }

    [Fact]
    public void No_choice_ids_at_all_takes_every_groups_defaults()
    {
        var check = ChoiceRules.Check(Meal(), null);

        Assert.Equal([9101, 9111], check.Chosen.Select(c => c.Id));
    }

    [Fact]
    public void An_empty_list_is_the_customers_whole_choice_so_each_required_group_is_named()
    {
        var check = ChoiceRules.Check(Meal(), []);

        Assert.NotNull(check.InvalidErrors);
        Assert.Equal(["optionGroups.DRINK", "optionGroups.DRINK_SIZE"], check.InvalidErrors.Keys.Order());
        Assert.Contains("drink", check.InvalidErrors["optionGroups.DRINK"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Two_drinks_in_a_one_drink_group_are_refused_naming_the_group()
    {
        var check = ChoiceRules.Check(Meal(), [9101, 9102, 9111]);

        var error = Assert.Single(check.InvalidErrors!);
        Assert.Equal("optionGroups.DRINK", error.Key);
        Assert.Contains("at most 1", error.Value[0], StringComparison.Ordinal);
    }

    [Fact]
    public void More_add_ons_than_the_groups_max_are_refused()
    {
        var check = ChoiceRules.Check(Meal(), [9101, 9111, 9141, 9142, 9143]);

        Assert.Equal("optionGroups.ADD_ONS", Assert.Single(check.InvalidErrors!).Key);
    }

    [Fact]
    public void A_choice_of_another_item_is_refused_naming_the_choice()
    {
        var check = ChoiceRules.Check(Meal(), [9101, 9111, 9212]);

        var error = Assert.Single(check.InvalidErrors!);
        Assert.Equal("choiceIds.9212", error.Key);
        Assert.Contains("not an option of 1-pc Chickenjoy Meal with Drink", error.Value[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_sent_twice_is_refused()
    {
        var check = ChoiceRules.Check(Meal(), [9101, 9111, 9141, 9141]);

        Assert.Equal("choiceIds.9141", Assert.Single(check.InvalidErrors!).Key);
    }

    [Fact]
    public void A_sold_out_choice_is_a_conflict_naming_the_choice_not_a_bad_request()
    {
        var check = ChoiceRules.Check(Meal(largeAvailable: false), [9101, 9112]);

        Assert.Null(check.InvalidErrors);
        var error = Assert.Single(check.SoldOutErrors!);
        Assert.Equal("choiceIds.9112", error.Key);
        Assert.Contains("Large drink is sold out", error.Value[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_unit_price_is_the_base_price_plus_every_delta()
    {
        var cart = Kiosk.Cart.Domain.Cart.Open(Now);
        var chosen = ChoiceRules.Check(Meal(), [9103, 9112, 9141]).Chosen;

        var line = cart.AddItem(601, "1-pc Chickenjoy Meal with Drink", 135.00m, chosen, null, 2);

        Assert.Equal(180.00m, line.UnitPrice);
        Assert.Equal(360.00m, line.LineTotal);
        Assert.Equal(360.00m, cart.Total);
    }

    [Fact]
    public void The_same_item_choices_and_note_merge_into_one_line_whatever_the_order_of_the_choices()
    {
        var cart = Kiosk.Cart.Domain.Cart.Open(Now);
        var first = cart.AddItem(601, "Meal", 135.00m, ChoiceRules.Check(Meal(), [9101, 9112]).Chosen, "no ice", 1);

        var again = cart.AddItem(601, "Meal", 135.00m, ChoiceRules.Check(Meal(), [9112, 9101]).Chosen, "  no ice ", 2);

        Assert.Same(first, again);
        Assert.Equal(3, Assert.Single(cart.Lines).Quantity);
    }

    [Theory]
    [InlineData(new[] { 9101, 9111 }, "no ice")]
    [InlineData(new[] { 9102, 9112 }, "no ice")]
    [InlineData(new[] { 9101, 9112 }, null)]
    [InlineData(new[] { 9101, 9112 }, "less ice")]
    public void Different_choices_or_a_different_note_make_a_line_of_their_own(int[] otherChoices, string? otherNote)
    {
        var cart = Kiosk.Cart.Domain.Cart.Open(Now);
        cart.AddItem(601, "Meal", 135.00m, ChoiceRules.Check(Meal(), [9101, 9112]).Chosen, "no ice", 1);

        cart.AddItem(601, "Meal", 135.00m, ChoiceRules.Check(Meal(), otherChoices).Chosen, otherNote, 1);

        Assert.Equal(2, cart.Lines.Count);
    }

    [Fact]
    public void An_empty_note_and_no_note_are_the_same_line()
    {
        var cart = Kiosk.Cart.Domain.Cart.Open(Now);
        cart.AddItem(301, "Jolly Spaghetti", 70.00m, [], "   ", 1);

        cart.AddItem(301, "Jolly Spaghetti", 70.00m, 1);

        var line = Assert.Single(cart.Lines);
        Assert.Null(line.Note);
        Assert.Equal(2, line.Quantity);
    }

    [Fact]
    public void Changing_the_quantity_keeps_the_choices_and_the_note()
    {
        var cart = Kiosk.Cart.Domain.Cart.Open(Now);
        var chosen = ChoiceRules.Check(Meal(), [9101, 9112]).Chosen;
        var line = cart.AddItem(601, "Meal", 135.00m, chosen, "no ice", 1);

        cart.ChangeQuantity(line.Id, 4);

        Assert.Equal(chosen, line.Choices);
        Assert.Equal("no ice", line.Note);
        Assert.Equal(155.00m, line.UnitPrice);
    }

    [Theory]
    [InlineData("no ice", null)]
    [InlineData("", null)]
    [InlineData("line one\nline two", "control characters")]
    [InlineData("tab\there", "control characters")]
    public void A_note_is_one_printable_line(string note, string? problem)
    {
        var found = LineNote.Problem(note);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_note_may_have_140_characters_but_not_141()
    {
        Assert.Null(LineNote.Problem(new string('a', 140)));
        Assert.Contains("at most 140", LineNote.Problem(new string('a', 141)), StringComparison.Ordinal);
    }

    [Fact]
    public void At_checkout_a_line_whose_choice_sold_out_is_named_and_one_still_on_sale_is_not()
    {
        var cart = Kiosk.Cart.Domain.Cart.Open(Now);
        var large = cart.AddItem(601, "Meal", 135.00m, ChoiceRules.Check(Meal(), [9101, 9112]).Chosen, null, 1);
        var regular = cart.AddItem(601, "Meal", 135.00m, ChoiceRules.Check(Meal(), [9101, 9111]).Chosen, null, 1);

        Assert.Contains("Large drink is sold out", ChoiceRules.StillSellable(large, Meal(largeAvailable: false)), StringComparison.Ordinal);
        Assert.Null(ChoiceRules.StillSellable(regular, Meal(largeAvailable: false)));
        Assert.Contains("sold out", ChoiceRules.StillSellable(regular, Meal(mealAvailable: false)), StringComparison.Ordinal);
        Assert.Contains("no longer on the menu", ChoiceRules.StillSellable(regular, null), StringComparison.Ordinal);
    }
}
