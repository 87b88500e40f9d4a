namespace Kiosk.Payments.Domain;

/// <summary>
/// The store's last sales invoice number. Its one row is written in the same commit as each payment, under a concurrency
/// token: two payments (or two replicas) taking the same number cannot both commit, and a payment that rolls back takes
/// its number back with it, so numbers never repeat, never skip and never restart.
/// </summary>
public sealed class SalesInvoiceCounter
{
    /// <summary>The one row: a database serves one store.</summary>
    public const int StoreRow = 1;

    public int Id { get; init; } = StoreRow;

    /// <summary>The last number handed out; 0 before the first payment.</summary>
    public long LastNumber { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public long Next() => ++LastNumber;
}
