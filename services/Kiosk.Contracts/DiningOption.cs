namespace Kiosk.Contracts;

public enum DiningOption
{
    DineIn,
    TakeOut,
}

/// <summary>The one wire spelling of a dining option, over HTTP and in events.</summary>
public static class DiningOptions
{
    public const string DineIn = "DINE_IN";
    public const string TakeOut = "TAKE_OUT";

    public static IReadOnlyList<string> All { get; } = [DineIn, TakeOut];

    public static string ToCode(this DiningOption option) => option switch
    {
        DiningOption.DineIn => DineIn,
        DiningOption.TakeOut => TakeOut,
        _ => throw new ArgumentOutOfRangeException(nameof(option), option, null),
    };

    /// <summary>Reads the public API's spelling exactly; anything else is not a dining option.</summary>
    public static bool TryParse(string? code, out DiningOption option)
    {
        (var known, option) = code switch
        {
            DineIn => (true, DiningOption.DineIn),
            TakeOut => (true, DiningOption.TakeOut),
            _ => (false, default),
        };
        return known;
    }

    public static bool IsKnown(string? code) => TryParse(code, out _);

    /// <summary>The canonical spelling, or null: a consumer reads events leniently (case and surrounding blanks).</summary>
    public static string? Normalize(string? text) =>
        All.FirstOrDefault(option => string.Equals(option, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
