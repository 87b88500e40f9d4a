using System.Collections.Concurrent;
using System.Diagnostics;
using Aspire.Hosting.Testing;
using Xunit.Abstractions;

namespace Kiosk.IntegrationTests.Resilience;

[Collection(ResilienceCollection.Name)]
public sealed class SoakTests(ResilienceFixture fixture, ITestOutputHelper output)
{
    private const int HealthCallsPerTarget = 2_000;
    private const int Kiosks = 8;
    private const int OrdersPerKiosk = 38; // 304 orders, in two rounds
    private const int MaxExtraThreads = 20;
    // The local server allows 300 connections (the AppHost's max_connections); 50 are kept for everything else.
    private const int MaxPostgresConnections = 250;
    private const long MaxExtraRssBytes = 80L * 1024 * 1024;
    private static readonly TimeSpan HealthBudget = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Thousands_of_health_calls_and_hundreds_of_orders_leave_every_process_with_flat_threads_and_memory()
    {
        var system = new SystemState(fixture);
        await system.RestartExitedAsync();
        var pids = system.Pids();

        // Warm-up: thread pools, connection pools and JIT reach their working size before the baseline is taken.
        await HealthCallsAsync(200);
        var warmUp = await new OrderLoad(fixture).RunAsync(Kiosks, CancellationToken.None, ordersPerKiosk: 5, thinkTime: TimeSpan.Zero);
        Ledger.AssertNoFailures(warmUp, atLeast: Kiosks * 5);
        var before = Sample(pids);

        // Two equal rounds: the first lets each garbage-collected heap grow to its working size under load; a leak shows
        // as growth that goes on in the second round (a Kafka client per probe cost thousands of threads in the first).
        var first = await RoundAsync(system, pids);
        var middle = Sample(pids);
        Report("baseline -> after round 1", before, middle);
        var second = await RoundAsync(system, pids);
        var after = Sample(pids);
        Report("after round 1 -> after round 2", middle, after);
        output.WriteLine($"Round 1: {first}");
        output.WriteLine($"Round 2: {second}");

        // Connection pools grow with the load's concurrency, which differs from round to round on a busy machine, so
        // PostgreSQL's connection processes are held under its connection limit instead: a leaked connection is never
        // returned, and a leak shows as the server running out (and as failed orders, which each round asserts).
        // Threads of the .NET processes are held to the baseline.
        var grown = before.Keys.Where(p => (p == "postgres" ? after[p].Threads > MaxPostgresConnections
                                                            : after[p].Threads > before[p].Threads + MaxExtraThreads)
                                           || after[p].RssBytes > middle[p].RssBytes + MaxExtraRssBytes)
            .Select(p => $"{p}: threads {before[p].Threads} -> {middle[p].Threads} -> {after[p].Threads}, " +
                         $"RSS {before[p].RssBytes / 1048576} -> {middle[p].RssBytes / 1048576} -> {after[p].RssBytes / 1048576} MB")
            .ToList();
        Assert.True(grown.Count == 0, $"These processes grew past the bounds: {string.Join("; ", grown)}");
        await system.WaitAllHealthyAsync();
    }

    /// <summary>Half the health calls and half the orders; asserts that every order was placed and paid exactly once.</summary>
    private async Task<string> RoundAsync(SystemState system, IReadOnlyDictionary<string, int> pids)
    {
        var calls = await HealthCallsAsync(HealthCallsPerTarget / 2);
        var started = Stopwatch.StartNew();
        var soak = await new OrderLoad(fixture).RunAsync(Kiosks, CancellationToken.None, ordersPerKiosk: OrdersPerKiosk / 2, thinkTime: TimeSpan.Zero)
            .WaitAsync(FaultScenario.LoadDeadline);
        // Let request threads and sockets of the burst wind down, as they would between rushes.
        await Task.Delay(TimeSpan.FromSeconds(3));
        system.AssertNoneExited(pids);
        Ledger.AssertNoFailures(soak, atLeast: Kiosks * (OrdersPerKiosk / 2));
        await new Ledger(fixture).AssertEveryOrderPaidOnceAsync([.. soak.Placed]);
        return $"{soak} in {started.Elapsed.TotalSeconds:0} s; health calls: {calls}";
    }

    private void Report(string span, Dictionary<string, (int Threads, long RssBytes)> before, Dictionary<string, (int Threads, long RssBytes)> after)
    {
        output.WriteLine($"{span}. Bounds: threads <= baseline + {MaxExtraThreads} (postgres: child processes <= " +
            $"{MaxPostgresConnections}), " +
            $"RSS after round 2 <= after round 1 + {MaxExtraRssBytes / 1024 / 1024} MB");
        output.WriteLine($"{"process",-10} {"threads before",15} {"after",6} {"RSS MB before",14} {"after",6}");
        foreach (var (resource, (threadsBefore, rssBefore)) in before)
        {
            var (threadsAfter, rssAfter) = after[resource];
            output.WriteLine($"{resource,-10} {threadsBefore,15} {threadsAfter,6} {rssBefore / 1024.0 / 1024,14:0.0} {rssAfter / 1024.0 / 1024,6:0.0}");
        }
        output.WriteLine("(for postgres the threads columns count the postmaster's child processes)");
    }

    private Dictionary<string, (int Threads, long RssBytes)> Sample(IReadOnlyDictionary<string, int> pids)
    {
        var sample = pids.ToDictionary(p => p.Key, p => LocalProcesses.Usage(p.Value));
        // The postmaster forks a process per connection: its children count stands in for its threads.
        var postgres = sample["postgres"];
        sample["postgres"] = (LocalProcesses.ChildrenOf(pids["postgres"]).Count, postgres.RssBytes);
        return sample;
    }

    /// <summary><paramref name="perTarget"/> calls to each service's own /health, the broker's, and as many through the gateway.</summary>
    private async Task<string> HealthCallsAsync(int perTarget)
    {
        var targets = new List<(string Name, HttpClient Client, Func<int, string> Path)>();
        foreach (var service in SystemState.ServiceResources)
        {
            targets.Add((service, fixture.App.CreateHttpClient(service, "http"), _ => "/health"));
        }
        targets.Add(("kafka", new HttpClient { BaseAddress = fixture.KafkaControlUrl }, _ => "/health"));
        // Through the gateway: a read of each API in turn, as the kiosks' screens poll them.
        string[] throughGateway = ["/api/menu/categories", $"/api/orders/{Guid.NewGuid()}", $"/api/carts/{Guid.NewGuid()}", "/health"];
        targets.Add(("via gateway", new HttpClient { BaseAddress = fixture.GatewayUrl }, i => throughGateway[i % throughGateway.Length]));

        var unexpected = new ConcurrentBag<string>();
        var done = new ConcurrentDictionary<string, int>();
        using var budget = new CancellationTokenSource(HealthBudget);
        var started = Stopwatch.StartNew();
        try
        {
            await Task.WhenAll(targets.Select(target => Parallel.ForAsync(0, perTarget,
                new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = budget.Token },
                async (i, ct) =>
                {
                    var path = target.Path(i);
                    done.AddOrUpdate(target.Name, 1, (_, n) => n + 1);
                    using var response = await target.Client.GetAsync(path, ct);
                    // The gateway's reads of unknown carts and orders answer 404 by design.
                    if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotFound)
                        || (response.StatusCode == HttpStatusCode.NotFound && path.EndsWith("health", StringComparison.Ordinal)))
                    {
                        unexpected.Add($"{target.Name} {path}: {(int)response.StatusCode}");
                    }
                })));
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{perTarget} calls to each of {targets.Count} targets did not finish within {HealthBudget.TotalMinutes} minutes; " +
                $"calls made: {string.Join(", ", done.Select(d => $"{d.Key} {d.Value}"))}.");
        }
        finally
        {
            foreach (var target in targets)
            {
                target.Client.Dispose();
            }
        }
        Assert.True(unexpected.IsEmpty, $"{unexpected.Count} health calls answered badly, e.g. {string.Join("; ", unexpected.Take(5))}");
        return $"{perTarget} x {targets.Count} targets in {started.Elapsed.TotalSeconds:0} s";
    }
}
