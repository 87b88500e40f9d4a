namespace Kiosk.Contracts;

/// <summary>Kafka topic names. They are the original services' names and part of the public contract.</summary>
public static class Topics
{
    public const string CartCheckout = "CART_CHECKOUT";
    public const string OrderCreated = "ORDER_CREATED";
    public const string PaymentConfirmed = "PAYMENT_CONFIRMED";

    /// <summary>Every move of an order's status (created PENDING, PAID, COMPLETED, …): what the live screens follow.</summary>
    public const string OrderStatusChanged = "ORDER_STATUS_CHANGED";

    /// <summary>A menu item sold out or back on sale: what the kiosks' menus follow.</summary>
    public const string MenuAvailabilityChanged = "MENU_AVAILABILITY_CHANGED";

    /// <summary>An order ended unpaid: cancelled by staff or expired at the store's day end.</summary>
    public const string OrderCancelled = "ORDER_CANCELLED";

    /// <summary>Suffix of the dead-letter topic that receives messages a consumer could not handle.</summary>
    public const string DeadLetterSuffix = ".DLT";

    public static IReadOnlyList<string> All { get; } =
        [CartCheckout, OrderCreated, PaymentConfirmed, OrderStatusChanged, MenuAvailabilityChanged, OrderCancelled];

    public static string DeadLetterOf(string topic) => topic + DeadLetterSuffix;

    /// <summary>Every topic the system uses, dead-letter topics included; brokers without auto-create need them all.</summary>
    public static IReadOnlyList<string> AllWithDeadLetters { get; } = [.. All, .. All.Select(DeadLetterOf)];
}
