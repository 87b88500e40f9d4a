namespace Kiosk.Payments.Domain;

/// <summary>
/// A senior citizen or PWD the discount was given to, as the law asks the invoice to show. Personal data: it stays in the
/// payment database and on the printed invoice, never on a topic.
/// </summary>
public sealed class DiscountHolder
{
    public const int MaxNameLength = 100;
    public const int MaxIdNumberLength = 40;

    private DiscountHolder()
    {
    }

    public DiscountHolder(int position, string name, string idNumber)
    {
        Position = position;
        Name = name;
        IdNumber = idNumber;
    }

    /// <summary>1-based, in the order the cashier entered them.</summary>
    public int Position { get; private set; }
    public string Name { get; private set; } = "";
    public string IdNumber { get; private set; } = "";
}
