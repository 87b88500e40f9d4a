using Kiosk.Contracts;

namespace Kiosk.Web.Clients;

/// <summary>The key a form carries in a hidden field: made when the form is rendered, so every resend of that form reuses it.</summary>
public static class IdempotencyKeys
{
    public const string FieldName = "idempotencyKey";

    public static string New() => Guid.NewGuid().ToString();

    /// <summary>The posted key, or a new one when the form sent none or a broken one (an old page, a hand-made post).</summary>
    public static string FromForm(string? posted) => IdempotencyKey.Reject(posted) is null ? posted! : New();
}
