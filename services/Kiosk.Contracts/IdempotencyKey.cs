namespace Kiosk.Contracts;

/// <summary>The <c>Idempotency-Key</c> header: what a valid key looks like and how long an answer is kept for it.</summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Set to <c>true</c> on an answer that was stored for an earlier request with the same key.</summary>
    public const string ReplayedHeaderName = "Idempotency-Replayed";

    public const int MaxLength = 200;

    /// <summary>Long enough for any client retry; after it the same key is a new request.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <returns>Why <paramref name="key"/> cannot be used, or null when it is a valid key.</returns>
    public static string? Reject(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return $"The {HeaderName} header is empty; send 1 to {MaxLength} printable ASCII characters, e.g. a new UUID per user action.";
        }
        if (key.Length > MaxLength)
        {
            return $"The {HeaderName} header has {key.Length} characters; at most {MaxLength} are allowed.";
        }
        if (!key.All(IsPrintableAscii))
        {
            return $"The {HeaderName} header may hold only printable ASCII characters (space to '~').";
        }
        return null;
    }

    private static bool IsPrintableAscii(char c) => c is >= ' ' and <= '~';
}
