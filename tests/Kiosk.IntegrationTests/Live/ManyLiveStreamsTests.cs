namespace Kiosk.IntegrationTests.Live;

/// <summary>Many streams of every kind open at once through the gateway: each receives every event it should, once.</summary>
[Collection(KioskCollection.Name)]
public sealed class ManyLiveStreamsTests(KioskAppFixture fixture)
{
    // A dessert no other live test switches.
    private const int SwitchedItem = 805;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Fifty_streams_of_every_kind_each_receive_every_event_they_should_exactly_once()
    {
        var kiosk = new KioskClient(fixture);
        var orders = new List<(string Id, decimal Total, int Number)>();
        for (var i = 0; i < 10; i++)
        {
            var (orderId, total) = await kiosk.PlaceOrderAsync((201, 1));
            var order = await kiosk.WaitForOrderAsync(orderId, "PENDING");
            orders.Add((orderId, total, order["orderNumber"]!.GetValue<int>()));
        }
        var completed = orders.Take(5).ToList();
        var crew = await CrewSignIn.CookiesForAsync(fixture.GatewayUrl, KioskAppFixture.ManagerForTests);
        HashSet<int> numbers = [.. orders.Select(o => o.Number)];
        HashSet<string> ids = [.. orders.Select(o => o.Id)];
        string[] boardExpected = [.. orders.Select(o => $"{o.Number}:PAID"), .. completed.Select(o => $"{o.Number}:COMPLETED")];
        string[] staffExpected = [.. orders.Select(o => $"{o.Id}:PAID"), .. completed.Select(o => $"{o.Id}:COMPLETED")];

        using var staff = fixture.CreateStaffClient();
        // Available before the streams open (a repeat publishes nothing), so the two switches below are two events.
        (await staff.PutAsJsonAsync($"/api/menu/items/{SwitchedItem}/availability", new { available = true })).EnsureSuccessStatusCode();

        await using var streams = new LiveStreamSet(fixture.GatewayUrl);
        foreach (var order in orders)
        {
            string[] statuses = completed.Contains(order) ? ["PAID", "COMPLETED"] : ["PAID"];
            streams.Expect($"/live/orders/{order.Id}", StreamExpectation.OrderStatuses(), statuses);
            streams.Expect($"/live/orders/{order.Id}", StreamExpectation.OrderStatuses(), statuses);
        }
        for (var i = 0; i < 12; i++)
        {
            streams.Expect("/live/board", StreamExpectation.BoardNumbers(numbers), boardExpected);
            streams.Expect("/live/menu", StreamExpectation.Availability(SwitchedItem), ["sold out", "available"]);
        }
        for (var i = 0; i < 3; i++)
        {
            streams.Expect("/live/kitchen", StreamExpectation.StaffOrders(ids), staffExpected, crew);
            streams.Expect("/live/cashier", StreamExpectation.StaffOrders(ids), staffExpected, crew);
        }
        Assert.Equal(50, streams.Expectations.Count);
        await streams.WaitForSnapshotsAsync(Patience);

        try
        {
            (await staff.PutAsJsonAsync($"/api/menu/items/{SwitchedItem}/availability", new { available = false })).EnsureSuccessStatusCode();
            foreach (var order in orders)
            {
                Assert.Equal(HttpStatusCode.Created, (await kiosk.PayWhenReadyAsync(order.Id, order.Total)).StatusCode);
            }
            foreach (var order in completed)
            {
                await kiosk.WaitForOrderAsync(order.Id, "PAID");
                Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/orders/{order.Id}/complete", null)).StatusCode);
            }
        }
        finally
        {
            (await staff.PutAsJsonAsync($"/api/menu/items/{SwitchedItem}/availability", new { available = true })).EnsureSuccessStatusCode();
        }

        await StreamExpectation.WaitAllCompleteAsync(streams.Expectations, Patience);
        Assert.All(streams.Expectations, e => e.AssertExactlyOnce());
    }
}
