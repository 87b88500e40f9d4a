namespace Kiosk.IntegrationTests;

/// <summary>Waits for something eventual (an event being consumed) with a timeout and a message saying what was awaited.</summary>
public static class Eventually
{
    public static async Task<T> ResultAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string waitingFor) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {waitingFor}.");
            }
            await Task.Delay(100);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string waitingFor) =>
        ResultAsync(async () => await condition() ? "done" : null, timeout, waitingFor);
}
