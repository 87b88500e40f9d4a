namespace Kiosk.Web.Display;

/// <summary>Pesos as the kiosk shows them: ₱1,234.50.</summary>
public static class Money
{
    public static string Peso(decimal amount) => "₱" + amount.ToString("N2", CultureInfo.InvariantCulture);
}
