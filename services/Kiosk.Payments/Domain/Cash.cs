using System.Globalization;

namespace Kiosk.Payments.Domain;

/// <summary>The cashier's arithmetic: which tendered amounts are acceptable, and the change, in whole centavos.</summary>
public static class Cash
{
    /// <summary>The largest amount a <c>numeric(10,2)</c> column holds.</summary>
    public const decimal MaxAmount = 99_999_999.99m;

    /// <returns>Why <paramref name="amountPaid"/> can never be accepted, or null when it is a valid cash amount.</returns>
    public static string? Reject(decimal amountPaid) =>
        amountPaid <= 0 ? $"Amount paid must be more than zero; got {amountPaid.ToString(CultureInfo.InvariantCulture)}."
        : decimal.Round(amountPaid, 2) != amountPaid ? $"Amount paid {amountPaid.ToString(CultureInfo.InvariantCulture)} has more than 2 decimal places; pesos go down to centavos."
        : amountPaid > MaxAmount ? $"Amount paid must be at most {Peso(MaxAmount)}."
        : null;

    public static bool Covers(decimal amountPaid, decimal total) => amountPaid >= total;

    public static decimal Change(decimal amountPaid, decimal total)
    {
        if (!Covers(amountPaid, total))
        {
            throw new ArgumentOutOfRangeException(nameof(amountPaid), amountPaid,
                $"Amount paid {Peso(amountPaid)} is less than the {Peso(total)} due.");
        }
        return Centavos(amountPaid - total);
    }

    /// <summary>Rounds to centavos and always carries two decimals, so JSON shows <c>5.00</c> rather than <c>5</c>.</summary>
    public static decimal Centavos(decimal amount) =>
        // Adding 0.00m raises the decimal's scale to 2 without changing its value.
        decimal.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>How a receipt prints money: <c>₱1,234.50</c>.</summary>
    public static string Peso(decimal amount) => "₱" + amount.ToString("N2", CultureInfo.InvariantCulture);
}
