using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Kiosk.Messaging;

/// <summary>
/// Owns the process's one producer. After a fatal error (e.g. fenced, or the handle destroyed) the next send builds a
/// new producer; the old one is disposed once its in-flight sends have finished or failed.
/// </summary>
internal sealed class ProducerHolder(Func<Action<Error>, IProducer<string, byte[]>> build, ILogger logger) : IDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);
    private readonly Lock _lock = new();
    private IProducer<string, byte[]>? _current;
    private volatile Error? _fatalError;

    /// <summary>The fatal error of the current producer, until it is replaced.</summary>
    public Error? FatalError => _fatalError;

    public IProducer<string, byte[]> Current
    {
        get
        {
            lock (_lock)
            {
                if (_current is null || _fatalError is not null)
                {
                    Replace();
                }
                return _current!;
            }
        }
    }

    /// <summary>Called when a send failed in a way only a new producer can fix.</summary>
    public void ReportFatal(IProducer<string, byte[]> producer, Error error)
    {
        lock (_lock)
        {
            if (ReferenceEquals(producer, _current))
            {
                _fatalError = error;
            }
        }
    }

    private void Replace()
    {
        var old = _current;
        IProducer<string, byte[]>? built = null;
        // The callback runs on librdkafka's thread; it only flags the error, the swap happens on the next send.
        built = build(error =>
        {
            if (error.IsFatal && built is not null)
            {
                ReportFatal(built, error);
            }
        });
        _current = built;
        _fatalError = null;
        if (old is not null)
        {
            logger.LogWarning("Replaced the Kafka producer after a fatal error");
            _ = Task.Run(() => Retire(old));
        }
    }

    private static void Retire(IProducer<string, byte[]> old)
    {
        try
        {
            old.Flush(DrainTimeout);
        }
        catch (Exception ex) when (ex is KafkaException or ObjectDisposedException)
        {
            // A destroyed or fenced producer fails its remaining sends; their callers retry on the new one.
        }
        finally
        {
            old.Dispose();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_current is not null)
            {
                Retire(_current);
                _current = null;
            }
        }
    }
}
