using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Kiosk.Contracts;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Messaging;

/// <summary>
/// At start-up, creates the declared topics the broker lacks (Admin API) and checks the ones it has: partitions and
/// replicas from metadata, retention and <c>min.insync.replicas</c> from the topic configuration. A broker that does not
/// support an admin call (the embedded broker supports neither CreateTopics nor DescribeConfigs) gets an error or a
/// warning naming the topics and what could not be done, never a silent pass. Repeats while the broker is unreachable
/// or a problem remains, so fixing the cluster makes the service ready without a restart.
/// </summary>
internal sealed class KafkaTopicProvisioner(
    AdminClientConfig adminConfig,
    IReadOnlyList<TopicDeclaration> declared,
    TopicReplication replication,
    TopicProvisioningState state,
    TimeProvider clock,
    ILogger<KafkaTopicProvisioner> logger) : BackgroundService
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan UnreachableRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProblemRetry = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var admin = new AdminClientBuilder(adminConfig)
            .SetLogHandler((_, _) => { })
            .Build();
        IReadOnlyList<Finding>? reported = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<Finding> findings;
            try
            {
                findings = await ProvisionAsync(admin);
            }
            catch (KafkaException ex)
            {
                state.Unverified($"Kafka topics not verified yet: the broker at {adminConfig.BootstrapServers} did not answer ({ex.Error.Reason})");
                await Task.Delay(UnreachableRetry, clock, stoppingToken);
                continue;
            }

            state.Verified(findings);
            if (reported is null || !reported.SequenceEqual(findings))
            {
                Log(findings);
                reported = findings;
            }
            if (!findings.Any(f => f.IsProblem))
            {
                return;
            }
            await Task.Delay(ProblemRetry, clock, stoppingToken);
        }
    }

    private async Task<IReadOnlyList<Finding>> ProvisionAsync(IAdminClient admin)
    {
        // All topics at once: asking for one topic by name makes a broker with auto-create create it with its defaults.
        var existing = Existing(admin.GetMetadata(RequestTimeout));
        var findings = new List<Finding>();

        var missing = TopicCheck.Missing(declared, existing);
        var created = await CreateAsync(admin, missing, findings);
        findings.AddRange(TopicCheck.CompareMetadata(declared, existing, replication));
        await CompareConfigsAsync(admin, [.. declared.Where(t => existing.ContainsKey(t.Name))], findings);
        if (created.Count > 0)
        {
            logger.LogInformation("Created Kafka topics {Topics} (replication factor {ReplicationFactor}, min.insync.replicas {MinInsync})",
                string.Join(", ", created), replication.Factor, replication.MinInsync);
        }
        return findings;
    }

    private async Task<IReadOnlyList<string>> CreateAsync(IAdminClient admin, IReadOnlyList<TopicDeclaration> missing, List<Finding> findings)
    {
        if (missing.Count == 0)
        {
            return [];
        }

        var specifications = missing.Select(topic => new TopicSpecification
        {
            Name = topic.Name,
            NumPartitions = topic.Partitions,
            ReplicationFactor = (short)replication.Factor,
            Configs = TopicCheck.ConfigOf(topic, replication),
        }).ToList();
        try
        {
            await admin.CreateTopicsAsync(specifications, new CreateTopicsOptions { RequestTimeout = RequestTimeout });
            return [.. missing.Select(t => t.Name)];
        }
        catch (CreateTopicsException ex)
        {
            foreach (var result in ex.Results.Where(r => r.Error.IsError && r.Error.Code != ErrorCode.TopicAlreadyExists))
            {
                var topic = missing.Single(t => t.Name == result.Topic);
                findings.Add(Finding.Problem(
                    $"Kafka topic {topic.Name} is missing and could not be created ({result.Error.Reason}): {TopicCheck.HowToCreate(topic, replication)}."));
            }
            return [.. ex.Results.Where(r => !r.Error.IsError).Select(r => r.Topic)];
        }
        catch (KafkaException ex) when (ex.Error.Code == ErrorCode.Local_UnsupportedFeature)
        {
            findings.AddRange(missing.Select(topic => Finding.Problem(
                $"Kafka topic {topic.Name} is missing and the broker does not support creating topics (CreateTopics: {ex.Error.Reason}): " +
                $"{TopicCheck.HowToCreate(topic, replication)}.")));
            return [];
        }
    }

    private async Task CompareConfigsAsync(IAdminClient admin, IReadOnlyList<TopicDeclaration> topics, List<Finding> findings)
    {
        if (topics.Count == 0)
        {
            return;
        }

        try
        {
            var results = await admin.DescribeConfigsAsync(
                [.. topics.Select(t => new ConfigResource { Type = ResourceType.Topic, Name = t.Name })],
                new DescribeConfigsOptions { RequestTimeout = RequestTimeout });
            foreach (var result in results)
            {
                var topic = topics.Single(t => t.Name == result.ConfigResource.Name);
                var config = result.Entries.ToDictionary(e => e.Key, e => e.Value.Value);
                findings.AddRange(TopicCheck.CompareConfig(topic, config, replication));
            }
        }
        catch (DescribeConfigsException ex)
        {
            NotChecked(string.Join("; ", ex.Results.Where(r => r.Error.IsError).Select(r => $"{r.ConfigResource.Name}: {r.Error.Reason}")));
        }
        catch (KafkaException ex)
        {
            NotChecked(ex.Error.Reason);
        }

        void NotChecked(string reason) => findings.Add(Finding.Warning(
            $"Could not check {TopicCheck.RetentionMs} and {TopicCheck.MinInsyncReplicas} of Kafka topics " +
            $"{string.Join(", ", topics.Select(t => t.Name))}: the broker did not describe their configuration (DescribeConfigs: {reason})."));
    }

    private static Dictionary<string, ExistingTopic> Existing(Metadata metadata) => metadata.Topics
        .Where(t => !t.Error.IsError && t.Partitions.Count > 0)
        .ToDictionary(t => t.Topic, t => new ExistingTopic(t.Topic, t.Partitions.Count, t.Partitions.Min(p => p.Replicas.Length)));

    private void Log(IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings)
        {
            logger.Log(finding.IsProblem ? LogLevel.Error : LogLevel.Warning, "{Finding}", finding.Message);
        }
        if (!findings.Any(f => f.IsProblem))
        {
            logger.LogInformation("Kafka topics verified: {Count} declared topics present with at least their declared partitions", declared.Count);
        }
    }
}

/// <summary>The provisioner's last outcome, for the readiness check.</summary>
internal sealed class TopicProvisioningState
{
    private readonly Lock _gate = new();
    private HealthCheckResult _result = HealthCheckResult.Unhealthy("Kafka topics not verified yet");

    public HealthCheckResult Result
    {
        get { lock (_gate) { return _result; } }
    }

    public void Unverified(string reason) => Set(HealthCheckResult.Unhealthy(reason));

    public void Verified(IReadOnlyList<Finding> findings)
    {
        var problems = findings.Where(f => f.IsProblem).Select(f => f.Message).ToList();
        var warnings = findings.Where(f => !f.IsProblem).Select(f => f.Message).ToList();
        Set(problems.Count > 0
            ? HealthCheckResult.Unhealthy(string.Join(" ", problems))
            : HealthCheckResult.Healthy(warnings.Count > 0 ? string.Join(" ", warnings) : "Kafka topics verified"));
    }

    private void Set(HealthCheckResult result)
    {
        lock (_gate)
        {
            _result = result;
        }
    }
}

/// <summary>Ready once every declared topic exists with at least its declared partitions.</summary>
internal sealed class TopicHealthCheck(TopicProvisioningState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Result);
}
