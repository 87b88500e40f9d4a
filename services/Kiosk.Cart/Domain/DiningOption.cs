namespace Kiosk.Cart.Domain;

public enum DiningOption
{
    DineIn,
    TakeOut,
}

public static class DiningOptions
{
    public const string DineInCode = "DINE_IN";
    public const string TakeOutCode = "TAKE_OUT";

    public static string ToCode(this DiningOption option) => option switch
    {
        DiningOption.DineIn => DineInCode,
        DiningOption.TakeOut => TakeOutCode,
        _ => throw new ArgumentOutOfRangeException(nameof(option), option, null),
    };

    /// <summary>Reads the public API's spelling exactly; anything else is not a dining option.</summary>
    public static bool TryParse(string? code, out DiningOption option)
    {
        (var known, option) = code switch
        {
            DineInCode => (true, DiningOption.DineIn),
            TakeOutCode => (true, DiningOption.TakeOut),
            _ => (false, default),
        };
        return known;
    }
}
