using System.Globalization;

namespace Kiosk.Contracts;

/// <summary>Pesos: rounded to the centavo one way everywhere, and printed one way everywhere.</summary>
public static class Money
{
    /// <summary>Rounds half away from zero to centavos and always carries two decimals, so JSON shows <c>5.00</c>, not <c>5</c>.</summary>
    public static decimal Round(decimal amount) =>
        // Adding 0.00m raises the decimal's scale to 2 without changing its value.
        decimal.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>How a screen or a receipt shows money, whatever the server's culture: <c>₱1,234.50</c>.</summary>
    public static string Peso(decimal amount) => "₱" + amount.ToString("N2", CultureInfo.InvariantCulture);
}
