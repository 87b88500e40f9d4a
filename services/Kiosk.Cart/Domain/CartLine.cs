namespace Kiosk.Cart.Domain;

/// <summary>
/// One menu item in a cart, with the name, choices and unit price the customer saw when adding it.
/// The unit price is the item's price plus every choice's delta.
/// </summary>
public sealed class CartLine
{
    public const int MinQuantity = 1;
    public const int MaxQuantity = 20;

    private CartLine()
    {
    }

    public Guid Id { get; private set; }
    public Guid CartId { get; private set; }
    public int MenuItemId { get; private set; }
    public string Name { get; private set; } = "";
    public decimal UnitPrice { get; private set; }
    public int Quantity { get; private set; }
    public IReadOnlyList<ChosenOption> Choices { get; private set; } = [];
    public string? Note { get; private set; }

    public decimal LineTotal => Money.Round(UnitPrice * Quantity);

    public static bool IsAllowedQuantity(int quantity) => quantity is >= MinQuantity and <= MaxQuantity;

    /// <summary>The item's price plus the choices' deltas, in centavos.</summary>
    public static decimal PriceWith(decimal basePrice, IEnumerable<ChosenOption> choices) =>
        Money.Round(basePrice + choices.Sum(c => c.PriceDelta));

    /// <summary>Two adds are one line only when item, choices (in any order) and note are all the same.</summary>
    public bool IsSameAs(int menuItemId, IReadOnlyList<ChosenOption> choices, string? note) =>
        MenuItemId == menuItemId
        && Note == LineNote.Normalize(note)
        && Choices.Select(c => c.Id).Order().SequenceEqual(choices.Select(c => c.Id).Order());

    internal static CartLine Create(
        Guid cartId, int menuItemId, string name, decimal basePrice, IReadOnlyList<ChosenOption> choices, string? note, int quantity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(basePrice);
        if (choices.Any(c => c.PriceDelta < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(choices), "A choice never lowers the price.");
        }
        EnsureAllowed(quantity);
        return new CartLine
        {
            Choices = [.. choices],
            Note = LineNote.Normalize(note),
            // Version 7 ids are time-ordered, so ordering by id lists lines in the order they were added.
            Id = Guid.CreateVersion7(),
            CartId = cartId,
            MenuItemId = menuItemId,
            Name = name,
            UnitPrice = PriceWith(basePrice, choices),
            Quantity = quantity,
        };
    }

    internal void ChangeQuantity(int quantity)
    {
        EnsureAllowed(quantity);
        Quantity = quantity;
    }

    /// <summary>The same item added again: the line keeps the price it was first added at.</summary>
    internal void AddQuantity(int quantity)
    {
        EnsureAllowed(quantity);
        if (Quantity + quantity > MaxQuantity)
        {
            throw new CartException(CartError.InvalidQuantity,
                $"The cart already has {Quantity} × {Name}; adding {quantity} would make {Quantity + quantity}, "
                + $"and one line holds at most {MaxQuantity}.");
        }
        Quantity += quantity;
    }

    private static void EnsureAllowed(int quantity)
    {
        if (!IsAllowedQuantity(quantity))
        {
            throw new CartException(CartError.InvalidQuantity, QuantityRule(quantity));
        }
    }

    public static string QuantityRule(int? quantity) => quantity is null
        ? $"Say how many: quantity is required, from {MinQuantity} to {MaxQuantity}."
        : $"Quantity must be between {MinQuantity} and {MaxQuantity} (was {quantity}).";
}
