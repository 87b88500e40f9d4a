using System.Runtime.InteropServices;
using System.Text;
using Kiosk.KafkaBroker.Native;

namespace Kiosk.KafkaBroker;

/// <summary>A one-broker librdkafka mock cluster: real Kafka wire protocol on a random loopback port.</summary>
internal sealed class MockKafkaCluster : IDisposable
{
    public const int BrokerId = 1;

    private readonly Lock _gate = new();
    private nint _handle;
    private nint _cluster;

    private MockKafkaCluster(nint handle, nint cluster)
    {
        _handle = handle;
        _cluster = cluster;
        BootstrapServers = Marshal.PtrToStringUTF8(LibRdKafka.MockClusterBootstraps(cluster))
            ?? throw new InvalidOperationException("The mock cluster reported no bootstrap address.");
    }

    /// <summary>The mock broker's own listener, e.g. <c>127.0.0.1:40123</c>.</summary>
    public string BootstrapServers { get; }

    public static MockKafkaCluster Create()
    {
        var error = new byte[512];
        var conf = LibRdKafka.ConfNew();
        // The host handle only does book-keeping for the mock; keep its own chatter to warnings and above.
        if (LibRdKafka.ConfSet(conf, "log_level", "4", error, (nuint)error.Length) != LibRdKafka.ConfOk)
        {
            LibRdKafka.ConfDestroy(conf);
            throw new InvalidOperationException(Text(error));
        }

        // rd_kafka_new takes ownership of conf on success only.
        var handle = LibRdKafka.New(LibRdKafka.ProducerType, conf, error, (nuint)error.Length);
        if (handle == 0)
        {
            LibRdKafka.ConfDestroy(conf);
            throw new InvalidOperationException($"rd_kafka_new failed: {Text(error)}");
        }

        var cluster = LibRdKafka.MockClusterNew(handle, 1);
        if (cluster == 0)
        {
            LibRdKafka.Destroy(handle);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed.");
        }

        LibRdKafka.MockSetControllerId(cluster, BrokerId);
        // A single-member group need not wait for others to join.
        LibRdKafka.MockGroupInitialRebalanceDelayMs(cluster, 0);
        return new MockKafkaCluster(handle, cluster);
    }

    public void CreateTopic(string topic, int partitions)
    {
        lock (_gate)
        {
            Check(LibRdKafka.MockTopicCreate(Cluster, topic, partitions, 1), $"create topic {topic}");
        }
    }

    /// <summary>Makes the broker advertise this address in metadata (the forwarder's fixed port).</summary>
    public void Advertise(string host, int port)
    {
        lock (_gate)
        {
            LibRdKafka.MockBrokerSetHostPort(Cluster, BrokerId, host, port);
        }
    }

    /// <summary>Disconnects clients and refuses new connections; topics, offsets and groups are kept.</summary>
    public void SetDown()
    {
        lock (_gate)
        {
            Check(LibRdKafka.MockBrokerSetDown(Cluster, BrokerId), "set broker down");
        }
    }

    public void SetUp()
    {
        lock (_gate)
        {
            Check(LibRdKafka.MockBrokerSetUp(Cluster, BrokerId), "set broker up");
        }
    }

    /// <summary>Queues error answers for the next requests of one API (e.g. OffsetCommit), one error per request.</summary>
    public void PushRequestErrors(short apiKey, int[] errors)
    {
        lock (_gate)
        {
            LibRdKafka.MockPushRequestErrorsArray(Cluster, apiKey, (nuint)errors.Length, errors);
        }
    }

    /// <summary>Drops the error answers still queued for one API.</summary>
    public void ClearRequestErrors(short apiKey)
    {
        lock (_gate)
        {
            LibRdKafka.MockClearRequestErrors(Cluster, apiKey);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster != 0)
            {
                LibRdKafka.MockClusterDestroy(_cluster);
                _cluster = 0;
            }

            if (_handle != 0)
            {
                LibRdKafka.Destroy(_handle);
                _handle = 0;
            }
        }
    }

    private nint Cluster => _cluster != 0 ? _cluster : throw new ObjectDisposedException(nameof(MockKafkaCluster));

    private static void Check(int err, string what)
    {
        if (err != 0)
        {
            throw new InvalidOperationException($"Could not {what}: {LibRdKafka.Describe(err)}");
        }
    }

    private static string Text(byte[] buffer)
    {
        var length = Array.IndexOf(buffer, (byte)0);
        return Encoding.UTF8.GetString(buffer, 0, length < 0 ? buffer.Length : length);
    }
}
