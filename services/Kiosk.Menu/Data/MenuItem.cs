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
