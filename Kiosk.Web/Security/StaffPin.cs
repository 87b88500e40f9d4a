using System.Security.Cryptography;
using System.Text;

namespace Kiosk.Web.Security;

/// <summary>Checks a typed PIN against the store PIN without the time taken revealing how much of it was right.</summary>
public static class StaffPin
{
    // Hashing first gives both sides the same length, so FixedTimeEquals never returns early on a length mismatch.
    public static bool Matches(string expected, string? entered) =>
        entered is not null
        && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)),
            SHA256.HashData(Encoding.UTF8.GetBytes(entered)));
}
