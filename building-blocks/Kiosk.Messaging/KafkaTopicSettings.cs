using Kiosk.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Kiosk.Messaging;

/// <summary>
/// Section <c>Kafka:Topics</c>: how many copies of every partition a topic created at start-up gets
/// (<c>ReplicationFactor</c>) and how many must hold a write (<c>MinInsyncReplicas</c>). Unset, they are
/// <see cref="TopicReplication.Development"/> (1/1) in the Development environment and
/// <see cref="TopicReplication.Production"/> (3/2) everywhere else.
/// </summary>
public sealed class KafkaTopicSettings
{
    public const string SectionName = "Kafka:Topics";

    public int? ReplicationFactor { get; set; }

    public int? MinInsyncReplicas { get; set; }

    public static TopicReplication Replication(IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(SectionName).Get<KafkaTopicSettings>() ?? new KafkaTopicSettings();
        var defaults = environment.IsDevelopment() ? TopicReplication.Development : TopicReplication.Production;
        var replication = new TopicReplication(
            settings.ReplicationFactor ?? defaults.Factor,
            settings.MinInsyncReplicas ?? Math.Min(defaults.MinInsync, settings.ReplicationFactor ?? defaults.Factor));
        if (replication.Factor < 1 || replication.MinInsync < 1 || replication.MinInsync > replication.Factor)
        {
            throw new InvalidOperationException(
                $"{SectionName}: ReplicationFactor is {replication.Factor} and MinInsyncReplicas {replication.MinInsync}; " +
                "both must be at least 1 and MinInsyncReplicas at most ReplicationFactor (production: 3 and 2).");
        }
        return replication;
    }
}
