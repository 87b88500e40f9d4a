using System.Globalization;
using Kiosk.Contracts;

namespace Kiosk.Messaging;

/// <summary>One topic as the broker's metadata shows it.</summary>
internal sealed record ExistingTopic(string Name, int Partitions, int Replicas);

/// <summary>
/// What a broker lacks against <see cref="Topics.Declared"/>: topics to create, problems (the services cannot work as
/// declared: a topic missing or with too few partitions) and warnings (they work, with less safety than declared).
/// </summary>
internal static class TopicCheck
{
    public const string RetentionMs = "retention.ms";
    public const string MinInsyncReplicas = "min.insync.replicas";

    public static IReadOnlyList<TopicDeclaration> Missing(IEnumerable<TopicDeclaration> declared, IReadOnlyDictionary<string, ExistingTopic> existing) =>
        [.. declared.Where(topic => !existing.ContainsKey(topic.Name))];

    /// <summary>Partitions and replicas of the topics that exist.</summary>
    public static IEnumerable<Finding> CompareMetadata(
        IEnumerable<TopicDeclaration> declared, IReadOnlyDictionary<string, ExistingTopic> existing, TopicReplication replication)
    {
        foreach (var topic in declared)
        {
            if (!existing.TryGetValue(topic.Name, out var actual))
            {
                continue;
            }
            if (actual.Partitions < topic.Partitions)
            {
                yield return Finding.Problem(
                    $"Kafka topic {topic.Name} has {actual.Partitions} partition(s); at least {topic.Partitions} are declared. " +
                    $"Add partitions (kafka-topics --alter --topic {topic.Name} --partitions {topic.Partitions}) while no events flow: " +
                    "keys move to other partitions.");
            }
            if (actual.Replicas < replication.Factor)
            {
                yield return Finding.Warning(
                    $"Kafka topic {topic.Name} has {actual.Replicas} replica(s) per partition; {replication.Factor} are declared " +
                    $"({KafkaTopicSettings.SectionName}:ReplicationFactor). Losing a broker may lose or stop its events.");
            }
        }
    }

    /// <summary>Retention and <c>min.insync.replicas</c> of one topic, from the broker's topic configuration.</summary>
    public static IEnumerable<Finding> CompareConfig(TopicDeclaration topic, IReadOnlyDictionary<string, string> config, TopicReplication replication)
    {
        // -1 keeps messages forever: at least as long as declared.
        if (Number(config, RetentionMs) is { } retention and >= 0 && retention < RetentionOf(topic))
        {
            yield return Finding.Warning(
                $"Kafka topic {topic.Name} keeps messages for {RetentionMs}={retention}; {RetentionOf(topic)} ({topic.Retention.TotalDays:0.#} days) " +
                "are declared. A consumer down longer than that misses events.");
        }
        if (Number(config, MinInsyncReplicas) is { } minInsync && minInsync < replication.MinInsync)
        {
            yield return Finding.Warning(
                $"Kafka topic {topic.Name} has {MinInsyncReplicas}={minInsync}; {replication.MinInsync} are declared " +
                $"({KafkaTopicSettings.SectionName}:MinInsyncReplicas). A write acknowledged by fewer brokers can be lost.");
        }
    }

    /// <summary>The topic settings a topic is created with.</summary>
    public static Dictionary<string, string> ConfigOf(TopicDeclaration topic, TopicReplication replication) => new()
    {
        [RetentionMs] = RetentionOf(topic).ToString(CultureInfo.InvariantCulture),
        [MinInsyncReplicas] = replication.MinInsync.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>How to create a topic by hand, for a broker that refused or could not take the admin call.</summary>
    public static string HowToCreate(TopicDeclaration topic, TopicReplication replication) =>
        $"create it with {topic.Partitions} partition(s), replication factor {replication.Factor}, " +
        string.Join(", ", ConfigOf(topic, replication).Select(setting => $"{setting.Key}={setting.Value}"));

    private static long RetentionOf(TopicDeclaration topic) => (long)topic.Retention.TotalMilliseconds;

    private static long? Number(IReadOnlyDictionary<string, string> config, string key) =>
        config.TryGetValue(key, out var value) && long.TryParse(value, CultureInfo.InvariantCulture, out var number) ? number : null;
}

/// <summary>A problem keeps the services unready; a warning is logged and reported in the health description.</summary>
internal sealed record Finding(bool IsProblem, string Message)
{
    public static Finding Problem(string message) => new(true, message);

    public static Finding Warning(string message) => new(false, message);
}
