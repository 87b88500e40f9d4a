using System.Net;
using System.Net.Sockets;
using Kiosk.KafkaBroker.Native;
using ContractTopics = Kiosk.Contracts.Topics;

namespace Kiosk.KafkaBroker;

/// <summary>Owns the mock cluster and the fixed-port forwarder for the life of the process.</summary>
internal sealed class KafkaBroker(BrokerOptions options, ILogger<KafkaBroker> logger) : IHostedService, IAsyncDisposable
{
    private const string Host = "127.0.0.1";

    private readonly List<string> _topics = [];
    private readonly SemaphoreSlim _switch = new(1, 1);
    private MockKafkaCluster? _cluster;
    private TcpForwarder? _forwarder;

    /// <summary>The address clients use, e.g. <c>127.0.0.1:9092</c>; empty until started.</summary>
    public string BootstrapServers { get; private set; } = "";

    public bool IsDown { get; private set; }

    public IReadOnlyList<string> Topics => _topics;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _cluster = MockKafkaCluster.Create();
        var target = IPEndPoint.Parse(_cluster.BootstrapServers.Split(',')[0]);

        _forwarder = new TcpForwarder(target, logger);
        try
        {
            _forwarder.Start(options.Port);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            _cluster.Dispose();
            _cluster = null;
            throw new InvalidOperationException(
                $"Port {options.Port} is already in use (another Kafka broker?). Stop it, or choose another port " +
                "with KAFKA_PORT / Broker:Port (Kiosk:Kafka:Port in the AppHost; 0 picks a free one).", ex);
        }

        _cluster.Advertise(Host, _forwarder.Port);
        BootstrapServers = $"{Host}:{_forwarder.Port}";

        // The services' topics as declared (partitions; one broker holds one copy). Retention is not set: the mock
        // cluster keeps everything for the life of the process.
        foreach (var topic in ContractTopics.Declared)
        {
            CreateTopic(topic.Name, topic.Partitions);
        }

        foreach (var topic in options.ExtraTopics().Except(_topics))
        {
            CreateTopic(topic, options.Partitions);
        }

        logger.LogInformation("Kafka broker listening on {BootstrapServers} (mock broker at {MockBroker}); topics: {Topics}",
            BootstrapServers, _cluster.BootstrapServers, string.Join(", ", _topics));
        return Task.CompletedTask;
    }

    public async Task SetDownAsync()
    {
        await _switch.WaitAsync();
        try
        {
            if (IsDown)
            {
                return;
            }

            await Forwarder.StopListeningAsync();
            Cluster.SetDown();
            IsDown = true;
            logger.LogWarning("Broker {BrokerId} is DOWN: connections dropped and refused; data kept", MockKafkaCluster.BrokerId);
        }
        finally
        {
            _switch.Release();
        }
    }

    public async Task SetUpAsync()
    {
        await _switch.WaitAsync();
        try
        {
            if (!IsDown)
            {
                return;
            }

            Cluster.SetUp();
            Forwarder.Start(Forwarder.Port);
            IsDown = false;
            logger.LogInformation("Broker {BrokerId} is UP again on {BootstrapServers}", MockKafkaCluster.BrokerId, BootstrapServers);
        }
        finally
        {
            _switch.Release();
        }
    }

    /// <summary>The next requests of <paramref name="apiKey"/> are answered with these errors, one per request.</summary>
    public void PushRequestErrors(short apiKey, int[] errors)
    {
        Cluster.PushRequestErrors(apiKey, errors);
        logger.LogWarning("The next {Count} requests of API key {ApiKey} will fail with: {Errors}",
            errors.Length, apiKey, string.Join(", ", errors.Select(e => LibRdKafka.Describe(e))));
    }

    public void ClearRequestErrors(short apiKey)
    {
        Cluster.ClearRequestErrors(apiKey);
        logger.LogInformation("Queued errors for API key {ApiKey} cleared", apiKey);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_forwarder is not null)
        {
            await _forwarder.DisposeAsync();
            _forwarder = null;
        }

        if (_cluster is not null)
        {
            _cluster.Dispose();
            _cluster = null;
            logger.LogInformation("Kafka broker stopped");
        }
    }

    private TcpForwarder Forwarder => _forwarder ?? throw new InvalidOperationException("The broker is not running.");

    private MockKafkaCluster Cluster => _cluster ?? throw new InvalidOperationException("The broker is not running.");

    private void CreateTopic(string topic, int partitions)
    {
        Cluster.CreateTopic(topic, partitions);
        _topics.Add(topic);
    }
}
