namespace Kiosk.Web.Pages.Shared;

/// <summary>
/// A cart line the checkout refused because its item or a chosen choice sold out: what to tell the customer beside it, and,
/// when only a choice sold out, where to choose again (<see cref="ChangeHref"/>, the chooser that replaces the line).
/// </summary>
public sealed record RefusedLine(string Message, string? ChangeHref)
{
    /// <summary>The id of the message element the line and its buttons point to (aria-describedby).</summary>
    public static string MessageId(string lineId) => $"line-problem-{lineId}";
}
