using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// The consume loop, run on its own thread. It never gives up: a message that must be retried pauses only its own
/// partition (so later messages of that partition wait, others flow, and polling goes on so the group membership holds);
/// a failed commit is logged (the inbox absorbs the redelivery); a fatal client error replaces the client.
/// </summary>
internal sealed class ConsumerLoop(
    Func<IRebalanceListener, IConsumerClient> connect,
    MessagePipeline pipeline,
    ConsumerHealth health,
    TimeProvider clock,
    ILogger logger,
    TimeSpan errorPause) : IRebalanceListener
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(200);
    // Offsets reach the broker within about half a second of a message being handled, in batches under load.
    private static readonly TimeSpan CommitInterval = TimeSpan.FromMilliseconds(300);

    private readonly Dictionary<TopicPartition, PendingMessage> _waiting = [];
    private IConsumerClient? _client;
    private bool _uncommitted;
    private DateTimeOffset _lastCommit;

    /// <summary>Messages waiting for a retry, one per paused partition.</summary>
    public IReadOnlyCollection<PendingMessage> Waiting => _waiting.Values;

    public void Run(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                RunOnce(stoppingToken);
            }
        }
        finally
        {
            Commit();
            Disconnect();
        }
    }

    /// <summary>One turn: retry what is due, poll for the next message, commit when due.</summary>
    public void RunOnce(CancellationToken stoppingToken)
    {
        try
        {
            if (_client is null)
            {
                _client = connect(this);
                health.Connected();
            }

            foreach (var pending in _waiting.Values.Where(p => p.DueAt <= clock.GetUtcNow()).ToList())
            {
                Step(pending, stoppingToken);
            }

            if (_client.Consume(NextWait()) is { } message)
            {
                if (_waiting.ContainsKey(message.TopicPartition))
                {
                    // Fetched before the pause took effect: read it again once the partition resumes.
                    _client.Seek(message);
                }
                else
                {
                    Step(new PendingMessage(message, clock.GetUtcNow()), stoppingToken);
                }
            }

            if (_uncommitted && clock.GetUtcNow() - _lastCommit >= CommitInterval)
            {
                Commit();
            }

            if (_client.FatalError is { } fatal)
            {
                Reconnect($"fatal error {fatal.Code}: {fatal.Reason}");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (KafkaException ex) when (ex.Error.IsFatal)
        {
            Reconnect($"fatal error {ex.Error.Code}: {ex.Error.Reason}");
        }
        catch (ObjectDisposedException)
        {
            Reconnect("the client handle was destroyed");
        }
        catch (Exception ex)
        {
            // e.g. a topic the broker is still creating; nothing is lost, the next turn polls again.
            logger.LogWarning(ex, "Consume loop error; carrying on");
            stoppingToken.WaitHandle.WaitOne(errorPause);
        }
    }

    private void Step(PendingMessage pending, CancellationToken stoppingToken)
    {
        var partition = pending.Message.TopicPartition;
        // Runs the async handler to completion on this dedicated thread; nothing else needs the thread meanwhile.
        var outcome = pipeline.StepAsync(pending, stoppingToken).GetAwaiter().GetResult();
        if (outcome is null)
        {
            if (_waiting.TryAdd(partition, pending))
            {
                _client!.Pause(partition);
            }
            health.Retrying(pending);
            return;
        }

        if (_waiting.Remove(partition))
        {
            _client!.Resume(partition);
        }
        health.Progressed(partition);
        try
        {
            _client!.StoreOffset(pending.Message);
            _uncommitted = true;
        }
        catch (KafkaException ex) when (!ex.Error.IsFatal)
        {
            logger.LogWarning("Could not store the offset of {Message} ({Reason}); the inbox absorbs its redelivery",
                pending.Message, ex.Error.Reason);
        }
    }

    public void OnRevoked(IReadOnlyList<TopicPartition> partitions, bool lost)
    {
        foreach (var partition in partitions)
        {
            health.Forget(partition);
            if (_waiting.Remove(partition, out var dropped))
            {
                // Its next owner reads it again from the committed offset; this member must not touch it any more.
                logger.LogInformation("Partition {Partition} revoked while {Message} waited for a retry; left to its next owner",
                    partition, dropped.Message);
                TryResume(partition);
            }
        }
        if (!lost)
        {
            Commit();
        }
    }

    private void Commit()
    {
        if (_client is null || !_uncommitted)
        {
            return;
        }
        _lastCommit = clock.GetUtcNow();
        try
        {
            _client.Commit();
            _uncommitted = false;
        }
        catch (KafkaException ex) when (ex.Error.Code == ErrorCode.Local_NoOffset)
        {
            _uncommitted = false;
        }
        catch (KafkaException ex) when (!ex.Error.IsFatal)
        {
            // e.g. "Unknown member" after the membership expired during an outage: the group rejoins by itself and a
            // redelivered message is recognised by the inbox. Survive, and try again with the next handled message.
            logger.LogWarning("Committing offsets failed ({Code}: {Reason}); carrying on", ex.Error.Code, ex.Error.Reason);
        }
    }

    private void TryResume(TopicPartition partition)
    {
        try
        {
            _client?.Resume(partition);
        }
        catch (KafkaException)
        {
            // The partition is already gone; a new assignment starts unpaused.
        }
    }

    private TimeSpan NextWait()
    {
        if (_waiting.Count == 0)
        {
            return IdlePoll;
        }
        var untilDue = _waiting.Values.Min(p => p.DueAt) - clock.GetUtcNow();
        return untilDue <= TimeSpan.Zero ? TimeSpan.Zero : untilDue < IdlePoll ? untilDue : IdlePoll;
    }

    private void Reconnect(string reason)
    {
        logger.LogError("Consumer client failed ({Reason}); building a new one", reason);
        health.Broken(reason);
        _uncommitted = false;
        Disconnect();
    }

    private void Disconnect()
    {
        var client = _client;
        _client = null;
        _waiting.Clear();
        try
        {
            client?.Dispose();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Disposing the consumer client failed");
        }
    }
}
