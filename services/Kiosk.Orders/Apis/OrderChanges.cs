using Npgsql;

namespace Kiosk.Orders.Apis;

/// <summary>
/// Wakes the requests waiting on an order the moment it is created or changes. A trigger on <c>orders</c> raises a
/// PostgreSQL notification with the order's id when its transaction commits (migration OrderChangeNotifications), and
/// each replica listens on one connection of its own: whichever replica handled the event, every replica hears it.
/// While that connection is down nobody waits (<see cref="IsListening"/>): a kiosk then polls as it would anyway.
/// </summary>
public sealed class OrderChanges(string connectionString, ILogger<OrderChanges> logger) : BackgroundService
{
    /// <summary>The notification channel the trigger raises.</summary>
    public const string Channel = "order_changed";

    /// <summary>The listening connection's application name, so operators can tell it apart in <c>pg_stat_activity</c>.</summary>
    public const string ListenerName = "kiosk-orders-changes";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    // A waiter must see a change committed after it asked; waiters of one order are few, so a lock is plenty.
    private readonly Dictionary<Guid, List<TaskCompletionSource>> _waiters = [];
    private volatile bool _listening;

    public bool IsListening => _listening;

    /// <summary>
    /// Starts watching <paramref name="orderId"/>: the watch's task completes at its next change (or when the listener
    /// reconnects, as changes may have been missed). Watch before reading the order, so a change between the read and the
    /// wait is not lost.
    /// </summary>
    public OrderWatch Watch(Guid orderId)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (!_waiters.TryGetValue(orderId, out var list))
            {
                _waiters[orderId] = list = [];
            }
            list.Add(waiter);
        }
        return new OrderWatch(this, orderId, waiter);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        // Its own connection, never pooled: it lives as long as the process and carries the LISTEN.
        var listenerConnection = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            KeepAlive = 15,
            ApplicationName = ListenerName,
        }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listenerConnection);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var orderId))
                    {
                        Wake(orderId);
                    }
                };
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                _listening = true;
                retry = FirstRetry;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                if (_listening)
                {
                    logger.LogWarning(ex, "Lost the order-change notifications; waiting GETs answer at once until they are back");
                }
                _listening = false;
                // Changes may go unheard now: every waiter reads again and answers with what it finds.
                WakeAll();
            }

            try
            {
                await Task.Delay(retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
        _listening = false;
        WakeAll();
    }

    /// <summary>Watches not yet woken or disposed: none may stay behind once their requests have ended.</summary>
    internal int Waiting
    {
        get
        {
            lock (_waiters)
            {
                return _waiters.Values.Sum(list => list.Count);
            }
        }
    }

    internal void Wake(Guid orderId)
    {
        List<TaskCompletionSource>? woken;
        lock (_waiters)
        {
            _waiters.Remove(orderId, out woken);
        }
        woken?.ForEach(waiter => waiter.TrySetResult());
    }

    private void WakeAll()
    {
        List<TaskCompletionSource> woken;
        lock (_waiters)
        {
            woken = [.. _waiters.Values.SelectMany(list => list)];
            _waiters.Clear();
        }
        woken.ForEach(waiter => waiter.TrySetResult());
    }

    internal void Forget(Guid orderId, TaskCompletionSource waiter)
    {
        lock (_waiters)
        {
            if (_waiters.TryGetValue(orderId, out var list) && list.Remove(waiter) && list.Count == 0)
            {
                _waiters.Remove(orderId);
            }
        }
    }
}

/// <summary>One request's wait for one order's next change; disposing it stops the watch.</summary>
public sealed class OrderWatch(OrderChanges changes, Guid orderId, TaskCompletionSource waiter) : IDisposable
{
    /// <returns>True when the order changed (or may have) within <paramref name="timeout"/>.</returns>
    public async Task<bool> ChangedWithinAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await waiter.Task.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public void Dispose() => changes.Forget(orderId, waiter);
}
