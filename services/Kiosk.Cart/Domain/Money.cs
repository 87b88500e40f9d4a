namespace Kiosk.Cart.Domain;

public static class Money
{
    /// <summary>Pesos to the centavo, always with two decimals so JSON shows 178.00 rather than 178.</summary>
    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
