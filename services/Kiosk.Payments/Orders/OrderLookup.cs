namespace Kiosk.Payments.Orders;

/// <summary>What the order service said about an order.</summary>
public enum OrderLookup
{
    Found,
    NotFound,

    /// <summary>The order service did not answer, so nobody can tell.</summary>
    Unreachable,
}
