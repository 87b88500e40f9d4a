namespace Kiosk.Web.Clients;

/// <summary>The dining options the cart service accepts at checkout.</summary>
public static class DiningOption
{
    public const string DineIn = "DINE_IN";
    public const string TakeOut = "TAKE_OUT";

    public static bool IsKnown(string? value) => value is DineIn or TakeOut;
}
