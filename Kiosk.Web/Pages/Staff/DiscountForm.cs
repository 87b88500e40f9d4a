namespace Kiosk.Web.Pages.Staff;

/// <summary>The cashier's "Senior / PWD" step as posted: the kind, the diners, and up to <see cref="Rows"/> holders.</summary>
public sealed class DiscountForm
{
    public const int Rows = 4;

    /// <summary>SENIOR, PWD, or empty for no discount.</summary>
    public string? Kind { get; set; }
    public int? Diners { get; set; }
    public List<string?> Names { get; set; } = [];
    public List<string?> IdNumbers { get; set; } = [];

    public bool IsRequested => Kind is "SENIOR" or "PWD";

    /// <summary>The discount to send; rows left wholly blank are skipped, half-filled rows are sent so the service names what is missing.</summary>
    public DiscountInput? ToInput()
    {
        if (!IsRequested)
        {
            return null;
        }
        var holders = Enumerable.Range(0, Math.Max(Names.Count, IdNumbers.Count))
            .Select(i => (Name: Names.ElementAtOrDefault(i)?.Trim() ?? "", Id: IdNumbers.ElementAtOrDefault(i)?.Trim() ?? ""))
            .Where(row => row.Name.Length > 0 || row.Id.Length > 0)
            .Select(row => new DiscountHolder(row.Name, row.Id))
            .ToList();
        return new DiscountInput(Kind!, Diners ?? 0, holders);
    }

    public string NameAt(int row) => Names.ElementAtOrDefault(row) ?? "";
    public string IdNumberAt(int row) => IdNumbers.ElementAtOrDefault(row) ?? "";
}
