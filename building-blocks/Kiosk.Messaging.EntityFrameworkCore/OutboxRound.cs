namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// Decides, row by row in write order, which outbox rows one relay round may publish. A key is held for the rest of the
/// round as soon as one of its rows cannot go (parked, backing off, or just failed), so no event overtakes an earlier
/// event of the same order; rows of other keys go on.
/// </summary>
internal sealed class OutboxRound(IEnumerable<string> parkedKeys, DateTimeOffset now)
{
    private readonly HashSet<string> _heldKeys = [.. parkedKeys];

    public bool MayPublish(OutboxMessage message)
    {
        if (message.ParkedAt is not null || message.NextAttemptAt > now || _heldKeys.Contains(message.Key))
        {
            _heldKeys.Add(message.Key);
            return false;
        }
        return true;
    }

    public void Hold(string key) => _heldKeys.Add(key);
}
