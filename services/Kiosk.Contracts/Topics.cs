namespace Kiosk.Contracts;

/// <summary>
/// Kafka topics: the names (the original services' names, part of the public contract) and, in <see cref="Declared"/>,
/// the one declaration of every topic that the services create or verify at start-up and the embedded broker creates.
/// </summary>
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

    /// <summary>
    /// Partitions of each event topic: every event of one order has the order id as its key, so one partition holds an
    /// order's events in order. A consumer group has at most this many busy replicas.
    /// </summary>
    public const int EventPartitions = 3;

    /// <summary>Dead letters are rare and read in order; one partition is enough.</summary>
    public const int DeadLetterPartitions = 1;

    /// <summary>How long an event stays readable: a consumer that is down longer than this misses events.</summary>
    public static TimeSpan EventRetention { get; } = TimeSpan.FromDays(7);

    /// <summary>Dead letters are kept longer: someone has to look at them (they are also in each service's database).</summary>
    public static TimeSpan DeadLetterRetention { get; } = TimeSpan.FromDays(30);

    public static IReadOnlyList<string> All { get; } =
        [CartCheckout, OrderCreated, PaymentConfirmed, OrderStatusChanged, MenuAvailabilityChanged, OrderCancelled];

    public static string DeadLetterOf(string topic) => topic + DeadLetterSuffix;

    /// <summary>Every topic the system uses with its partitions and retention, dead-letter topics included.</summary>
    public static IReadOnlyList<TopicDeclaration> Declared { get; } =
    [
        .. All.Select(topic => new TopicDeclaration(topic, EventPartitions, EventRetention, IsDeadLetter: false)),
        .. All.Select(topic => new TopicDeclaration(DeadLetterOf(topic), DeadLetterPartitions, DeadLetterRetention, IsDeadLetter: true)),
    ];

    /// <summary>Every topic the system uses, dead-letter topics included; brokers without auto-create need them all.</summary>
    public static IReadOnlyList<string> AllWithDeadLetters { get; } = [.. Declared.Select(topic => topic.Name)];
}
