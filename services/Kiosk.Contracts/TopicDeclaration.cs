namespace Kiosk.Contracts;

/// <summary>
/// What one topic must be on any broker: at least <see cref="Partitions"/> partitions and messages kept for
/// <see cref="Retention"/>. How many copies of each partition a cluster keeps (replication factor,
/// <c>min.insync.replicas</c>) is the same for every topic of a deployment: see <see cref="TopicReplication"/>.
/// </summary>
public sealed record TopicDeclaration(string Name, int Partitions, TimeSpan Retention, bool IsDeadLetter);

/// <summary>
/// Copies of every partition (<see cref="Factor"/>) and how many must have a message before a producer with
/// <c>acks=all</c> is told it is written (<see cref="MinInsync"/>): with 3 and 2 one broker can be lost without losing
/// or refusing a write.
/// </summary>
public sealed record TopicReplication(int Factor, int MinInsync)
{
    /// <summary>A cluster of three or more brokers.</summary>
    public static TopicReplication Production { get; } = new(3, 2);

    /// <summary>One broker: a developer machine, the embedded broker, a test.</summary>
    public static TopicReplication Development { get; } = new(1, 1);
}
