namespace Kiosk.Cart.Domain;

/// <summary>
/// A customer's cart: open while they choose, then checked out exactly once into an order.
/// Every rule about what may change, and when, lives here.
/// </summary>
public sealed class Cart
{
    private readonly List<CartLine> _lines = [];

    private Cart()
    {
    }

    public Guid Id { get; private set; }
    public CartStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? OrderId { get; private set; }
    public DiningOption? DiningOption { get; private set; }
    public DateTimeOffset? CheckedOutAt { get; private set; }

    /// <summary>When the cart was opened or last changed: an open cart idle too long has expired (see CartExpiry).</summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>
    /// Bumped by every change and checked when saving, so two concurrent edits of one cart cannot both win.
    /// (Postgres xmin would miss a change to lines alone, which leaves the cart row untouched.)
    /// </summary>
    public int Version { get; private set; }

    public IReadOnlyList<CartLine> Lines => _lines.AsReadOnly();

    public decimal Total => Money.Round(_lines.Sum(line => line.LineTotal));

    public static Cart Open(DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Status = CartStatus.Open, CreatedAt = now, LastChangedAt = now };

    /// <summary>True for an open cart nobody has changed since <paramref name="cutoff"/>; a checked-out cart never idles.</summary>
    public bool IsIdleSince(DateTimeOffset cutoff) => Status == CartStatus.Open && LastChangedAt < cutoff;

    /// <summary>Marks the cart changed now, so it does not expire while the customer is still at it.</summary>
    public void Touch(DateTimeOffset now)
    {
        if (now > LastChangedAt)
        {
            LastChangedAt = now;
        }
    }

    /// <summary>Adds a plain menu item (no choices, no note).</summary>
    public CartLine AddItem(int menuItemId, string name, decimal unitPrice, int quantity) =>
        AddItem(menuItemId, name, unitPrice, [], null, quantity);

    /// <summary>
    /// Adds a menu item with its choices (already checked against the menu) and note. The same item with the same
    /// choices and note raises that line's quantity instead of adding a line; any difference makes a line of its own.
    /// </summary>
    public CartLine AddItem(int menuItemId, string name, decimal basePrice, IReadOnlyList<ChosenOption> choices, string? note, int quantity)
    {
        EnsureOpen();
        var line = _lines.Find(l => l.IsSameAs(menuItemId, choices, note));
        if (line is null)
        {
            line = CartLine.Create(Id, menuItemId, name, basePrice, choices, note, quantity);
            _lines.Add(line);
        }
        else
        {
            line.AddQuantity(quantity);
        }
        Version++;
        return line;
    }

    public void ChangeQuantity(Guid lineId, int quantity)
    {
        EnsureOpen();
        FindLine(lineId).ChangeQuantity(quantity);
        Version++;
    }

    public void RemoveLine(Guid lineId)
    {
        EnsureOpen();
        _lines.Remove(FindLine(lineId));
        Version++;
    }

    /// <summary>
    /// Places the order: true when this call checked the cart out, false when it already was
    /// (the order id stays the one decided the first time, and nothing new must be announced).
    /// </summary>
    public bool Checkout(DiningOption diningOption, Guid orderId, DateTimeOffset now)
    {
        if (Status == CartStatus.CheckedOut)
        {
            return false;
        }
        if (_lines.Count == 0)
        {
            throw new CartException(CartError.Empty, "The cart is empty: add at least one item before checking out.");
        }

        Status = CartStatus.CheckedOut;
        OrderId = orderId;
        DiningOption = diningOption;
        CheckedOutAt = now;
        Version++;
        return true;
    }

    private CartLine FindLine(Guid lineId) =>
        _lines.Find(l => l.Id == lineId)
        ?? throw new CartException(CartError.LineNotFound, $"This cart has no line {lineId}.");

    /// <summary>Refuses with <see cref="CartError.CheckedOut"/> once the cart is an order.</summary>
    public void EnsureOpen()
    {
        if (Status == CartStatus.CheckedOut)
        {
            throw new CartException(CartError.CheckedOut,
                $"This cart was checked out as order {OrderId} and can no longer change; start a new cart.");
        }
    }
}
