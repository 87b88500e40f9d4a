namespace Kiosk.Payments.Domain;

/// <summary>Cash taken for one order: the receipt, and the sales invoice with its VAT lines and discount.</summary>
public sealed class Payment
{
    private readonly List<DiscountHolder> _holders = [];

    public Guid PaymentId { get; init; }
    public Guid OrderId { get; init; }
    public int OrderNumber { get; init; }

    /// <summary>The order's total before any discount, VAT inclusive.</summary>
    public decimal Total { get; init; }
    public decimal AmountPaid { get; init; }
    public decimal Change { get; init; }
    public DateTimeOffset PaidAt { get; init; }

    /// <summary>The store's sales invoice number, 1, 2, 3… without gaps, from <see cref="SalesInvoiceCounter"/>.</summary>
    public long InvoiceNumber { get; private set; }

    public decimal VatableSales { get; init; }
    public decimal Vat { get; init; }
    public decimal VatExemptSales { get; init; }
    public decimal ZeroRatedSales { get; init; }
    public decimal Discount { get; init; }
    public decimal AmountDue { get; init; }

    /// <summary><see cref="DiscountKind"/>, or null when no discount was given.</summary>
    public string? DiscountKind { get; init; }

    /// <summary>How many diners shared the order when a discount was given; 1 otherwise.</summary>
    public int Diners { get; init; } = 1;

    public IReadOnlyList<DiscountHolder> Holders => _holders;

    public string InvoiceText => SalesInvoice.Format(InvoiceNumber);

    internal void AssignInvoiceNumber(long number) => InvoiceNumber = number;

    internal void AddHolders(IEnumerable<DiscountHolder> holders) => _holders.AddRange(holders);
}
