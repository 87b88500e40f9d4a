using Xunit.Abstractions;

namespace Kiosk.IntegrationTests.Resilience;

/// <summary>
/// The shape every fault test shares: a whole system, kiosks ordering, a fault while they do, then the proof that no
/// process exited, no order was lost or doubled, and every resource is healthy again for the next test.
/// </summary>
public sealed class FaultScenario(KioskAppFixture fixture, ITestOutputHelper output)
{
    public static readonly TimeSpan LoadDeadline = TimeSpan.FromMinutes(3);

    public SystemState System { get; } = new(fixture);

    public async Task<LoadResult> RunAsync(int kiosks, Func<Task> fault, params string[] mayExit)
    {
        await System.RestartExitedAsync();
        var pids = System.Pids();

        using var stopPlacing = new CancellationTokenSource();
        var load = new OrderLoad(fixture).RunAsync(kiosks, stopPlacing.Token);
        try
        {
            // Orders are flowing before the fault, during it and after it.
            await Task.Delay(TimeSpan.FromSeconds(3));
            await fault();
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        finally
        {
            await stopPlacing.CancelAsync();
        }

        // A process that died will not come back by itself: say so at once rather than wait out the kiosks' patience.
        var deadline = DateTime.UtcNow + LoadDeadline;
        while (!load.IsCompleted)
        {
            System.AssertNoneExited(pids, mayExit);
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The kiosks' orders were not all placed and paid within {LoadDeadline.TotalMinutes} minutes.");
            }
            await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(1)));
        }
        var result = await load;
        output.WriteLine($"Load: {result}");

        System.AssertNoneExited(pids, mayExit);
        Ledger.AssertNoFailures(result, atLeast: kiosks);
        await new Ledger(fixture).AssertEveryOrderPaidOnceAsync([.. result.Placed]);
        await System.WaitAllHealthyAsync();
        return result;
    }
}
