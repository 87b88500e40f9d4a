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

    /// <summary>
    /// The rows of <paramref name="batch"/> (in write order) that may go, one lane per key, each lane in write order:
    /// lanes of different keys may be published side by side, a lane's rows only one after the other.
    /// </summary>
    public List<List<OutboxMessage>> Lanes(IEnumerable<OutboxMessage> batch)
    {
        var lanes = new Dictionary<string, List<OutboxMessage>>();
        var order = new List<List<OutboxMessage>>();
        foreach (var message in batch.Where(MayPublish))
        {
            if (!lanes.TryGetValue(message.Key, out var lane))
            {
                lanes[message.Key] = lane = [];
                order.Add(lane);
            }
            lane.Add(message);
        }
        return order;
    }
}
