using Aspire.Hosting.Testing;
using Xunit.Abstractions;

namespace Kiosk.IntegrationTests.Resilience;

[Collection(ResilienceCollection.Name)]
public sealed class BrokerOutageTests(ResilienceFixture fixture, ITestOutputHelper output)
{
    // Longer than session.timeout.ms (6 s against the embedded broker), so every consumer loses its group membership.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task A_flood_of_health_checks_during_a_broker_outage_does_not_grow_the_services_threads()
    {
        const int Concurrent = 32;
        // Blocked on the thread pool, the same flood grew each service by 27–36 threads.
        const int MaxExtraThreads = 12;
        string[] services = ["cart", "orders", "payments"];
        var system = new SystemState(fixture);
        await system.RestartExitedAsync();
        var pids = system.Pids();
        var clients = services.ToDictionary(s => s, s => fixture.App.CreateHttpClient(s, "http"));
        using var control = new HttpClient { BaseAddress = fixture.KafkaControlUrl };
        var before = services.ToDictionary(s => s, s => LocalProcesses.Usage(pids[s]).Threads);
        var most = new Dictionary<string, int>(before);

        (await control.PostAsync("/broker/down", null)).EnsureSuccessStatusCode();
        try
        {
            // Each wave outlasts the broker probe's 3 s timeout: blocked on the thread pool, every check would hold a
            // pool thread that long and the pool would add threads to make up for them.
            for (var wave = 0; wave < 3; wave++)
            {
                var calls = services.SelectMany(s => Enumerable.Range(0, Concurrent).Select(_ => clients[s].GetAsync("/health"))).ToList();
                while (!calls.All(c => c.IsCompleted))
                {
                    foreach (var service in services)
                    {
                        most[service] = Math.Max(most[service], LocalProcesses.Usage(pids[service]).Threads);
                    }
                    await Task.WhenAny(Task.WhenAll(calls), Task.Delay(200));
                }
                var answers = await Task.WhenAll(calls);
                Assert.All(answers, answer => Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode));
            }
        }
        finally
        {
            (await control.PostAsync("/broker/up", null)).EnsureSuccessStatusCode();
        }
        foreach (var service in services)
        {
            output.WriteLine($"{service}: threads {before[service]} before the flood, at most {most[service]} during it");
        }
        Assert.All(services, s => Assert.True(most[s] <= before[s] + MaxExtraThreads,
            $"{s} grew from {before[s]} to {most[s]} threads during the flood of health checks"));
        await system.WaitAllHealthyAsync();
    }

    [Fact]
    public async Task A_broker_outage_longer_than_the_session_timeout_while_four_kiosks_order_stops_no_service_and_each_checkout_is_one_order_paid_once()
    {
        using var control = new HttpClient { BaseAddress = fixture.KafkaControlUrl };
        await new FaultScenario(fixture, output).RunAsync(kiosks: 4, async () =>
        {
            (await control.PostAsync("/broker/down", null)).EnsureSuccessStatusCode();
            try
            {
                await Task.Delay(Outage);
            }
            finally
            {
                (await control.PostAsync("/broker/up", null)).EnsureSuccessStatusCode();
            }
        });
    }
}
