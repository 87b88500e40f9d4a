using System.Globalization;

namespace Kiosk.Orders.Apis;

/// <summary>
/// The <c>wait</c> preference of RFC 7240 (<c>Prefer: wait=5</c>): how many seconds the client is willing to wait for
/// an answer worth having. Other preferences in the header are ignored, as the RFC asks.
/// </summary>
public static class PreferWait
{
    /// <summary>The longest a GET waits, whatever the client prefers: a waiting request holds a connection.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);

    /// <returns>The wait, at most <see cref="Longest"/>; null when the client prefers none (or zero, or nonsense).</returns>
    public static TimeSpan? From(IHeaderDictionary headers)
    {
        foreach (var header in headers["Prefer"])
        {
            foreach (var preference in (header ?? "").Split(',', StringSplitOptions.TrimEntries))
            {
                // A preference may carry parameters after ';' (none are defined for wait).
                var (name, value) = preference.Split(';')[0].Split('=', 2, StringSplitOptions.TrimEntries) is [var n, var v] ? (n, v.Trim('"')) : (preference, "");
                if (name.Equals("wait", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
                {
                    return TimeSpan.FromSeconds(Math.Min(seconds, Longest.TotalSeconds));
                }
            }
        }
        return null;
    }
}
