namespace Kiosk.Menu.Data;

/// <summary>One thing a customer can pick in an <see cref="OptionGroup"/>; ids are unique across the whole menu.</summary>
public sealed class OptionChoice
{
    public int Id { get; init; }
    public int OptionGroupId { get; init; }
    public required string Name { get; init; }

    /// <summary>Pesos added to the item's price, VAT included; 0 for a free choice (never negative).</summary>
    public decimal PriceDelta { get; init; }

    /// <summary>Pre-selected on the kiosk.</summary>
    public bool IsDefault { get; init; }

    public int SortOrder { get; init; }

    public bool Available { get; private set; } = true;

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
