namespace Kiosk.Web.Display;

/// <summary>What the crew can read off a screen to find an order that has no number yet.</summary>
public static class OrderReference
{
    /// <summary>The first 8 characters of the order id: short enough to read aloud, and what the id starts with in logs and the API.</summary>
    public static string ShortForm(Guid orderId) => orderId.ToString("D")[..8];
}
