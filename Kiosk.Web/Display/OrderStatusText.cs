namespace Kiosk.Web.Display;

/// <summary>The customer's words for an order status, and what to do next.</summary>
public static class OrderStatusText
{
    public static string Label(string status, UiText text) => status switch
    {
        OrderStatus.Paid => text.StatusPaid,
        OrderStatus.Completed => text.StatusCompleted,
        OrderStatus.Cancelled => text.StatusCancelled,
        OrderStatus.Expired => text.StatusExpired,
        _ => text.StatusPending,
    };

    public static string Hint(string status, UiText text) => status switch
    {
        OrderStatus.Paid => text.WeArePreparing,
        OrderStatus.Completed => text.PickUpAtCounter,
        OrderStatus.Cancelled => text.OrderCancelledHint,
        OrderStatus.Expired => text.OrderExpiredHint,
        _ => text.PayAtCounter,
    };
}
