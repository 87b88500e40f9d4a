namespace Kiosk.Idempotency;

/// <summary>
/// One key a client sent, with the request it came with and the answer it got; written in the same transaction as the
/// request's effect, so the effect and its recorded answer exist together or not at all.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>Where the key counts: the method and path (e.g. <c>POST /api/carts/{id}/items</c> with the cart's id).</summary>
    public required string Scope { get; init; }

    public required string Key { get; init; }

    /// <summary>See <see cref="RequestFingerprint"/>.</summary>
    public required string RequestHash { get; init; }

    public int StatusCode { get; init; }
    public string? ContentType { get; init; }
    public string? Location { get; init; }
    public byte[] Body { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}
