namespace Kiosk.Cart.Domain;

public enum CartStatus
{
    Open,
    CheckedOut,
}

public static class CartStatuses
{
    /// <summary>The status as the public API spells it.</summary>
    public static string ToCode(this CartStatus status) => status switch
    {
        CartStatus.Open => "OPEN",
        CartStatus.CheckedOut => "CHECKED_OUT",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
