using Kiosk.Cart.Domain;

namespace Kiosk.Cart.Menu;

/// <summary>
/// Checks the choices a customer made for one item against the menu. Error keys name what is wrong, so a kiosk can
/// point at it: <c>optionGroups.DRINK</c> for a group, <c>choiceIds.9105</c> for a choice, <c>note</c> for the note.
/// </summary>
public static class ChoiceRules
{
    public static string GroupKey(string code) => $"optionGroups.{code}";

    public static string ChoiceKey(int id) => $"choiceIds.{id}";

    /// <summary>
    /// The chosen options in menu order, or the reasons they cannot be taken. <paramref name="choiceIds"/> null (a client
    /// that does not know about choices) takes each group's defaults, so such a client keeps ordering meals as before;
    /// a list, even an empty one, is taken as the customer's whole choice.
    /// </summary>
    public static ChoiceCheck Check(MenuItem item, IReadOnlyList<int>? choiceIds)
    {
        var ids = choiceIds ?? [.. item.Groups.SelectMany(g => g.Choices).Where(c => c.IsDefault).Select(c => c.Id)];
        var invalid = new Dictionary<string, string[]>();

        foreach (var duplicate in ids.GroupBy(id => id).Where(g => g.Count() > 1))
        {
            invalid[ChoiceKey(duplicate.Key)] = [$"Choice {duplicate.Key} is chosen {duplicate.Count()} times; choose it once."];
        }

        var owned = item.Groups.SelectMany(g => g.Choices).Select(c => c.Id).ToHashSet();
        foreach (var foreign in ids.Distinct().Where(id => !owned.Contains(id)))
        {
            invalid[ChoiceKey(foreign)] = [$"Choice {foreign} is not an option of {item.Name}."];
        }

        var chosen = new List<ChosenOption>();
        var soldOut = new Dictionary<string, string[]>();
        foreach (var group in item.Groups)
        {
            var picked = group.Choices.Where(c => ids.Contains(c.Id)).ToList();
            if (picked.Count < group.Min)
            {
                invalid[GroupKey(group.Code)] = [group.Min == 1
                    ? $"Choose a {group.Name.ToLowerInvariant()} for {item.Name}."
                    : $"Choose at least {group.Min} of {group.Name} for {item.Name} ({picked.Count} chosen)."];
            }
            else if (picked.Count > group.Max)
            {
                invalid[GroupKey(group.Code)] = [$"Choose at most {group.Max} of {group.Name} for {item.Name} ({picked.Count} chosen)."];
            }

            foreach (var choice in picked)
            {
                if (!choice.Available)
                {
                    soldOut[ChoiceKey(choice.Id)] = [$"{choice.Name} is sold out; choose another {group.Name.ToLowerInvariant()}."];
                }
                chosen.Add(new ChosenOption(choice.Id, choice.Name, Money.Round(choice.PriceDelta)));
            }
        }

        return invalid.Count > 0 ? ChoiceCheck.Invalid(invalid)
            : soldOut.Count > 0 ? ChoiceCheck.SoldOut(soldOut)
            : ChoiceCheck.Valid(chosen);
    }

    /// <summary>
    /// Why a line added earlier can no longer be sold as it is (the item or one of its choices sold out or left the
    /// menu since), or null when it still can. Prices are not compared: the line keeps the price the customer saw.
    /// </summary>
    public static string? StillSellable(CartLine line, MenuItem? item)
    {
        if (item is null)
        {
            return $"{line.Name} is no longer on the menu; remove the line.";
        }
        if (!item.Available)
        {
            return $"{line.Name} is sold out; remove the line.";
        }

        var choices = item.Groups.SelectMany(g => g.Choices).ToDictionary(c => c.Id);
        var gone = line.Choices
            .Where(c => !choices.TryGetValue(c.Id, out var current) || !current.Available)
            .Select(c => c.Name)
            .ToList();
        return gone.Count == 0
            ? null
            : $"{line.Name}: {string.Join(", ", gone)} {(gone.Count == 1 ? "is" : "are")} sold out; remove the line and add it again with another choice.";
    }
}

/// <summary>What <see cref="ChoiceRules.Check"/> found: the options to add, or errors for a 400 or a 409.</summary>
public sealed record ChoiceCheck(IReadOnlyList<ChosenOption> Chosen, IDictionary<string, string[]>? InvalidErrors, IDictionary<string, string[]>? SoldOutErrors)
{
    public static ChoiceCheck Valid(IReadOnlyList<ChosenOption> chosen) => new(chosen, null, null);

    public static ChoiceCheck Invalid(IDictionary<string, string[]> errors) => new([], errors, null);

    public static ChoiceCheck SoldOut(IDictionary<string, string[]> errors) => new([], null, errors);
}
