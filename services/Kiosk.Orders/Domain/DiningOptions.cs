namespace Kiosk.Orders.Domain;

public static class DiningOptions
{
    public const string DineIn = "DINE_IN";
    public const string TakeOut = "TAKE_OUT";

    public static IReadOnlyList<string> All { get; } = [DineIn, TakeOut];

    /// <summary>The canonical spelling, or null when <paramref name="text"/> is not a dining option.</summary>
    public static string? Normalize(string? text) =>
        All.FirstOrDefault(option => string.Equals(option, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
