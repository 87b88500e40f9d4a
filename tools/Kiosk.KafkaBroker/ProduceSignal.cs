namespace Kiosk.KafkaBroker;

/// <summary>
/// Counts the produce requests the broker has answered (their records are in the log by then) and wakes the fetches
/// held until something new arrives.
/// </summary>
internal sealed class ProduceSignal
{
    private long _generation;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Generation => Interlocked.Read(ref _generation);

    public void Produced()
    {
        Interlocked.Increment(ref _generation);
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Returns once a produce has been answered after <paramref name="seen"/>, or when the wait is over.</summary>
    public async Task WaitAsync(long seen, TimeSpan wait, CancellationToken cancellationToken)
    {
        // Taken before the count is checked, so a produce in between completes this very task: no wake-up is lost.
        var next = Volatile.Read(ref _next).Task;
        if (Generation != seen || wait <= TimeSpan.Zero)
        {
            return;
        }
        try
        {
            await next.WaitAsync(wait, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Nothing new: the fetch goes to the broker and comes back empty, as the client expects after its wait.
        }
    }
}
