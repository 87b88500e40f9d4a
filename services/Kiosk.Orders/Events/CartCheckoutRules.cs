namespace Kiosk.Orders.Events;

/// <summary>
/// What a CART_CHECKOUT message must satisfy before it can become an order. A message that breaks a rule will break it
/// on every retry, so it is dead-lettered rather than retried.
/// </summary>
public static class CartCheckoutRules
{
    /// <summary>numeric(10,2) holds at most this.</summary>
    public const decimal MaxAmount = 99_999_999.99m;

    /// <summary>The note column's size; the cart takes at most 140 characters.</summary>
    public const int MaxNoteLength = 140;

    /// <summary>Every broken rule, in words an operator reading the dead-letter topic can act on; empty when valid.</summary>
    public static IReadOnlyList<string> Check(CartCheckout checkout)
    {
        var problems = new List<string>();
        if (checkout.OrderId == Guid.Empty)
        {
            problems.Add("order_id is missing");
        }
        if (checkout.CartId == Guid.Empty)
        {
            problems.Add("cart_id is missing");
        }
        if (DiningOptions.Normalize(checkout.DiningOption) is null)
        {
            problems.Add($"dining_option '{checkout.DiningOption}' is not one of {string.Join(", ", DiningOptions.All)}");
        }

        if (checkout.Items is not { Count: > 0 } items)
        {
            problems.Add("items is missing or empty");
            return problems;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                problems.Add($"items[{i}] is null");
                continue;
            }
            if (item.MenuItemId <= 0)
            {
                problems.Add($"items[{i}].menu_item_id is missing");
            }
            if (string.IsNullOrWhiteSpace(item.Name))
            {
                problems.Add($"items[{i}].name is missing");
            }
            if (item.Quantity <= 0)
            {
                problems.Add($"items[{i}].quantity is {item.Quantity}; it must be at least 1");
            }
            if (item.Price < 0 || item.Price > MaxAmount || decimal.Round(item.Price, 2) != item.Price)
            {
                problems.Add($"items[{i}].price {item.Price} is not an amount in pesos and centavos");
            }
            if (item.Note?.Trim().Length > MaxNoteLength)
            {
                problems.Add($"items[{i}].note has {item.Note.Trim().Length} characters; at most {MaxNoteLength} fit");
            }
            var choices = item.Choices ?? [];
            for (var c = 0; c < choices.Count; c++)
            {
                if (choices[c] is not { } choice || choice.ChoiceId <= 0 || string.IsNullOrWhiteSpace(choice.Name))
                {
                    problems.Add($"items[{i}].choices[{c}] needs a choice_id and a name");
                }
                else if (choice.PriceDelta < 0 || decimal.Round(choice.PriceDelta, 2) != choice.PriceDelta || choice.PriceDelta > item.Price)
                {
                    problems.Add($"items[{i}].choices[{c}].price_delta {choice.PriceDelta} is not an amount within the line's price");
                }
            }
        }

        if (problems.Count == 0)
        {
            var sum = items.Sum(i => i.Price * i.Quantity);
            if (sum != checkout.Total)
            {
                problems.Add($"total {checkout.Total} does not equal the sum of price × quantity, {sum}");
            }
            else if (sum > MaxAmount)
            {
                problems.Add($"total {sum} is larger than an order can be ({MaxAmount})");
            }
        }
        return problems;
    }

    /// <summary>Throws <see cref="InvalidEventException"/> naming every broken rule.</summary>
    public static void EnsureValid(CartCheckout checkout)
    {
        var problems = Check(checkout);
        if (problems.Count > 0)
        {
            throw new InvalidEventException(
                $"{Topics.CartCheckout} event {checkout.EventId} for order {checkout.OrderId} cannot become an order: {string.Join("; ", problems)}.");
        }
    }
}
