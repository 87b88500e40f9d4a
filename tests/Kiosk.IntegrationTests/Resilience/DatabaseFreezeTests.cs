using Xunit.Abstractions;

namespace Kiosk.IntegrationTests.Resilience;

[Collection(ResilienceCollection.Name)]
public sealed class DatabaseFreezeTests(ResilienceFixture fixture, ITestOutputHelper output)
{
    // Longer than the consumers' max.poll.interval.ms: a handler stuck on the database outlives its group membership.
    private static readonly TimeSpan Freeze = TimeSpan.FromMilliseconds(ResilienceFixture.MaxPollIntervalMs + 5_000);

    [Fact]
    public async Task A_database_frozen_longer_than_the_max_poll_interval_while_four_kiosks_order_stops_no_service_and_each_checkout_is_one_order_paid_once()
    {
        var scenario = new FaultScenario(fixture, output);
        await scenario.RunAsync(kiosks: 4, async () =>
        {
            var postmaster = scenario.System.Pid("postgres");
            // The postmaster first, so it starts no new backend while its children are being stopped.
            await LocalProcesses.SignalAsync("STOP", [postmaster]);
            var children = LocalProcesses.ChildrenOf(postmaster);
            try
            {
                await LocalProcesses.SignalAsync("STOP", children);
                output.WriteLine($"PostgreSQL frozen: postmaster {postmaster} and {children.Count} children, for {Freeze.TotalSeconds:0} s");
                await Task.Delay(Freeze);
            }
            finally
            {
                await LocalProcesses.SignalAsync("CONT", children.Where(LocalProcesses.IsAlive));
                await LocalProcesses.SignalAsync("CONT", [postmaster]);
            }
        });
    }
}
