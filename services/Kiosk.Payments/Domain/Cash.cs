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
        : amountPaid > MaxAmount ? $"Amount paid must be at most {Money.Peso(MaxAmount)}."
        : null;

    public static bool Covers(decimal amountPaid, decimal total) => amountPaid >= total;

    public static decimal Change(decimal amountPaid, decimal total)
    {
        if (!Covers(amountPaid, total))
        {
            throw new ArgumentOutOfRangeException(nameof(amountPaid), amountPaid,
                $"Amount paid {Money.Peso(amountPaid)} is less than the {Money.Peso(total)} due.");
        }
        return Money.Round(amountPaid - total);
    }
}
