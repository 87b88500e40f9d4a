namespace Kiosk.Orders.Domain;

/// <summary>The upper-case names the API, the events and the database use for <see cref="OrderStatus"/>.</summary>
public static class OrderStatusText
{
    public static string ToText(this OrderStatus status) => status switch
    {
        OrderStatus.Pending => "PENDING",
        OrderStatus.Paid => "PAID",
        OrderStatus.Completed => "COMPLETED",
        OrderStatus.Cancelled => StoreDayEnd.Cancelled,
        OrderStatus.Expired => StoreDayEnd.Expired,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an order status."),
    };

    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<OrderStatus>().Select(ToText)];

    /// <summary>Accepts only the status names (any casing), never a number such as "1".</summary>
    public static bool TryParse(string? text, out OrderStatus status)
    {
        foreach (var candidate in Enum.GetValues<OrderStatus>())
        {
            if (string.Equals(candidate.ToText(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    public static OrderStatus Parse(string text) =>
        TryParse(text, out var status) ? status : throw new FormatException($"'{text}' is not an order status.");
}
