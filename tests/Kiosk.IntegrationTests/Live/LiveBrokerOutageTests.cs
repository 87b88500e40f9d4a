using Aspire.Hosting.Testing;
using Kiosk.IntegrationTests.Resilience;
using Xunit.Abstractions;

namespace Kiosk.IntegrationTests.Live;

/// <summary>
/// Live streams held open through a broker outage longer than the Kafka clients' timeouts: the pages are told to poll
/// while events cannot flow, and once the broker is back every event of the outage (still in the outboxes) reaches every
/// stream once, the streams having stayed open or resumed with Last-Event-ID.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class LiveBrokerOutageTests(ResilienceFixture fixture, ITestOutputHelper output)
{
    // Longer than session.timeout.ms (6 s against the embedded broker), the 3 s probe and the clients' socket timeouts:
    // the web process's broadcast consumer loses its partitions and must find its place again.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan NoticeWithin = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    // Threads the web process may add over the outage (thread-pool growth while probes wait on the broker); a client or
    // thread per stream or per probe would exceed it many times over.
    private const int ThreadHeadroom = 40;
    private const int SwitchedItem = 805;

    [Fact]
    public async Task Streams_through_a_broker_outage_tell_the_pages_to_poll_then_deliver_every_event_of_the_outage_exactly_once()
    {
        var system = new SystemState(fixture);
        await system.RestartExitedAsync();
        var kiosk = new KioskClient(fixture);
        using var staff = fixture.CreateStaffClient();
        (await staff.PutAsJsonAsync($"/api/menu/items/{SwitchedItem}/availability", new { available = true })).EnsureSuccessStatusCode();

        // Paid before the outage and completed during it; placed before it and paid during it.
        var paidBefore = await PlaceAsync(kiosk, 3);
        var paidDuring = await PlaceAsync(kiosk, 3);
        var all = paidBefore.Concat(paidDuring).ToList();
        var crew = await CrewSignIn.CookiesForAsync(fixture.GatewayUrl, KioskAppFixture.ManagerForTests);
        HashSet<int> numbers = [.. all.Select(o => o.Number)];
        HashSet<string> ids = [.. all.Select(o => o.Id)];

        await using var streams = new LiveStreamSet(fixture.GatewayUrl);
        foreach (var order in paidBefore)
        {
            streams.Expect($"/live/orders/{order.Id}", StreamExpectation.OrderStatuses(), ["PAID", "COMPLETED"]);
        }
        foreach (var order in paidDuring)
        {
            streams.Expect($"/live/orders/{order.Id}", StreamExpectation.OrderStatuses(), ["PAID"]);
        }
        string[] board = [.. all.Select(o => $"{o.Number}:PAID"), .. paidBefore.Select(o => $"{o.Number}:COMPLETED")];
        string[] kitchen = [.. all.Select(o => $"{o.Id}:PAID"), .. paidBefore.Select(o => $"{o.Id}:COMPLETED")];
        for (var i = 0; i < 2; i++)
        {
            streams.Expect("/live/board", StreamExpectation.BoardNumbers(numbers), board);
            streams.Expect("/live/menu", StreamExpectation.Availability(SwitchedItem), ["sold out", "available"]);
        }
        streams.Expect("/live/kitchen", StreamExpectation.StaffOrders(ids), kitchen, crew);
        await streams.WaitForSnapshotsAsync(Patience);

        foreach (var order in paidBefore)
        {
            Assert.Equal(HttpStatusCode.Created, (await kiosk.PayWhenReadyAsync(order.Id, order.Total)).StatusCode);
            await kiosk.WaitForOrderAsync(order.Id, "PAID");
        }
        // The events flow before the fault: the streams of the orders paid now have heard it.
        await Eventually.TrueAsync(() => Task.FromResult(streams.Expectations.Take(paidBefore.Count).All(e => e.Received.Contains("PAID"))),
            Patience, "the streams to deliver the payments made before the outage");

        var web = system.Pid("web");
        var threadsBefore = LocalProcesses.Usage(web).Threads;
        var threadsPeak = threadsBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                threadsPeak = Math.Max(threadsPeak, LocalProcesses.Usage(web).Threads);
                await Task.Delay(250);
            }
        });

        using var control = new HttpClient { BaseAddress = fixture.KafkaControlUrl, Timeout = TimeSpan.FromSeconds(10) };
        using var webHealth = fixture.App.CreateHttpClient("web", "http");
        webHealth.Timeout = TimeSpan.FromSeconds(10);
        var payments = new List<Task<HttpResponseMessage>>();
        var outage = System.Diagnostics.Stopwatch.StartNew();
        (await control.PostAsync("/broker/down", null)).EnsureSuccessStatusCode();
        try
        {
            // Every one of these lands in an outbox; payments may answer 503 until they know the order, so they go on retrying.
            payments.AddRange(paidDuring.Select(o => PayPatientlyAsync(kiosk, o.Id, o.Total)));
            foreach (var order in paidBefore)
            {
                Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/orders/{order.Id}/complete", null)).StatusCode);
            }
            (await staff.PutAsJsonAsync($"/api/menu/items/{SwitchedItem}/availability", new { available = false })).EnsureSuccessStatusCode();
            (await staff.PutAsJsonAsync($"/api/menu/items/{SwitchedItem}/availability", new { available = true })).EnsureSuccessStatusCode();

            // The web process notices, /health says so, and every stream tells its page to poll.
            await Eventually.TrueAsync(async () => (await webHealth.GetAsync("/health")).StatusCode != HttpStatusCode.OK,
                NoticeWithin, "the web process's /health to report the broadcast consumer's trouble");
            await Eventually.TrueAsync(() => Task.FromResult(streams.Expectations.All(e => Health(e.Stream).Contains(false))),
                NoticeWithin, "every stream to send health {live: false}");
            Assert.True(outage.Elapsed < Outage, $"The notices took {outage.Elapsed.TotalSeconds:0} s, longer than the outage meant to be held.");
            await Task.Delay(Outage - outage.Elapsed);
        }
        finally
        {
            (await control.PostAsync("/broker/up", null)).EnsureSuccessStatusCode();
        }
        output.WriteLine($"Broker down for {outage.Elapsed.TotalSeconds:0.0} s");

        foreach (var payment in payments)
        {
            using var response = await payment;
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        await StreamExpectation.WaitAllCompleteAsync(streams.Expectations, Patience);
        await Eventually.TrueAsync(() => Task.FromResult(streams.Expectations.All(e => e.Stream.Flowing)),
            Patience, "every stream to say events flow again (health {live: true}, or a reopening without {live: false})");
        await sampling.CancelAsync();
        await sampler;
        var threadsAfter = LocalProcesses.Usage(web).Threads;

        foreach (var expectation in streams.Expectations)
        {
            output.WriteLine(expectation.ToString());
            expectation.AssertExactlyOnce();
        }
        Assert.All(streams.Expectations, e => Assert.True(e.Stream.Opens >= 2,
            $"{e.Stream.Path} was never reopened; the test meant every stream to resume at least once: {e}"));
        output.WriteLine($"web threads: {threadsBefore} before, {threadsPeak} at most, {threadsAfter} after");
        Assert.True(threadsPeak <= threadsBefore + ThreadHeadroom,
            $"The web process went from {threadsBefore} to {threadsPeak} threads over the outage (headroom {ThreadHeadroom}).");
        Assert.True(threadsAfter <= threadsBefore + ThreadHeadroom, $"The web process kept {threadsAfter} threads after the outage (from {threadsBefore}).");
        await system.WaitAllHealthyAsync();
    }

    private static async Task<List<(string Id, decimal Total, int Number)>> PlaceAsync(KioskClient kiosk, int count)
    {
        var placed = new List<(string, decimal, int)>();
        for (var i = 0; i < count; i++)
        {
            var (orderId, total) = await kiosk.PlaceOrderAsync((201, 1));
            var order = await kiosk.WaitForOrderAsync(orderId, "PENDING");
            placed.Add((orderId, total, order["orderNumber"]!.GetValue<int>()));
        }
        return placed;
    }

    /// <summary>Pays at the counter, retrying 503 (payments does not know the order yet) for up to <see cref="Patience"/>.</summary>
    private static async Task<HttpResponseMessage> PayPatientlyAsync(KioskClient kiosk, string orderId, decimal total)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var response = await kiosk.PayAsync(orderId, total);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                return response;
            }
            response.Dispose();
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static List<bool> Health(ResumingLiveStream stream) =>
        [.. stream.Items.Where(i => i.Type == "health").Select(i => i.Data!["live"]!.GetValue<bool>())];
}
