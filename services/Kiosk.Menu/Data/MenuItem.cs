namespace Kiosk.Menu.Data;

public sealed class MenuItem
{
    public int Id { get; init; }
    public required string CategoryCode { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }

    /// <summary>Philippine pesos, VAT included, as printed on the menu board.</summary>
    public decimal Price { get; init; }

    /// <summary>Which illustration the kiosk shows; several items share one.</summary>
    public required string ImageKey { get; init; }

    public bool Available { get; private set; } = true;

    /// <summary>The value meal this solo item can become ("make it a meal?"); null when there is none.</summary>
    public int? MealId { get; init; }

    /// <summary>Drink, side, flavour, add-ons; empty for a plain item.</summary>
    public List<OptionGroup> OptionGroups { get; init; } = [];

    /// <returns>Whether the availability changed (repeating the current one changes nothing and announces nothing).</returns>
    public bool SetAvailability(bool available)
    {
        if (Available == available)
        {
            return false;
        }
        Available = available;
        return true;
    }
}
