using System.Text;
using Confluent.Kafka;
using Kiosk.Contracts;

namespace Kiosk.IntegrationTests.Live;

/// <summary>The events the live screens follow, read back from the broker: one per change, never one per request.</summary>
[Collection(KioskCollection.Name)]
public sealed class LiveEventTests(KioskAppFixture fixture)
{
    private readonly KioskClient _kiosk = new(fixture);

    [Fact]
    public async Task Every_move_of_an_order_is_published_once_on_ORDER_STATUS_CHANGED()
    {
        var (orderId, total) = await _kiosk.PlaceOrderAsync((101, 2));
        var created = await _kiosk.WaitForOrderAsync(orderId);
        Assert.Equal(HttpStatusCode.Created, (await _kiosk.PayWhenReadyAsync(orderId, total)).StatusCode);
        await _kiosk.WaitForOrderAsync(orderId, "PAID");
        using var staff = fixture.CreateStaffClient();
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/orders/{orderId}/complete", null)).StatusCode);
        // Repeats change nothing, so they announce nothing.
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/orders/{orderId}/complete", null)).StatusCode);

        var events = await Eventually.ResultAsync(
            () => Task.FromResult(ReadAll(Topics.OrderStatusChanged, orderId) is { Count: >= 3 } all ? all : null),
            KioskClient.Patience, $"three {Topics.OrderStatusChanged} events of order {orderId}");

        Assert.Equal(["PENDING", "PAID", "COMPLETED"], events.Select(e => e["status"]!.GetValue<string>()));
        Assert.Equal([null, "PENDING", "PAID"], events.Select(e => e["previous_status"]?.GetValue<string>()));
        Assert.Equal(3, events.Select(e => e["event_id"]!.GetValue<Guid>()).Distinct().Count());
        Assert.All(events, e =>
        {
            Assert.Equal(orderId, e["order_id"]!.GetValue<string>());
            Assert.Equal(created["orderNumber"]!.GetValue<int>(), e["order_number"]!.GetValue<int>());
            Assert.Equal(total, e["total"]!.GetValue<decimal>());
            Assert.True(DateOnly.TryParse(e["business_day"]!.GetValue<string>(), out _), $"business_day is a date: {e}");
        });
    }

    [Fact]
    public async Task Each_availability_switch_is_published_once_on_MENU_AVAILABILITY_CHANGED_and_a_repeat_not_at_all()
    {
        const int itemId = 105;
        using var staff = fixture.CreateStaffClient();
        var before = ReadAll(Topics.MenuAvailabilityChanged, itemId).Count;
        try
        {
            (await staff.PutAsJsonAsync($"/api/menu/items/{itemId}/availability", new { available = false })).EnsureSuccessStatusCode();
            (await staff.PutAsJsonAsync($"/api/menu/items/{itemId}/availability", new { available = false })).EnsureSuccessStatusCode();
        }
        finally
        {
            (await staff.PutAsJsonAsync($"/api/menu/items/{itemId}/availability", new { available = true })).EnsureSuccessStatusCode();
        }
        (await staff.PutAsJsonAsync($"/api/menu/items/{itemId}/availability", new { available = true })).EnsureSuccessStatusCode();

        var events = await Eventually.ResultAsync(
            () => Task.FromResult(ReadAll(Topics.MenuAvailabilityChanged, itemId) is { } all && all.Count >= before + 2 ? all : null),
            KioskClient.Patience, $"two {Topics.MenuAvailabilityChanged} events of item {itemId}");
        // Give a stray third event (the repeat) the time the first two took to arrive.
        await Task.Delay(1000);
        var mine = ReadAll(Topics.MenuAvailabilityChanged, itemId).Skip(before).ToList();

        Assert.Equal([false, true], mine.Select(e => e["available"]!.GetValue<bool>()));
        Assert.All(mine, e =>
        {
            Assert.Equal(itemId, e["menu_item_id"]!.GetValue<int>());
            Assert.NotEqual(Guid.Empty, e["event_id"]!.GetValue<Guid>());
            Assert.False(e.AsObject().ContainsKey("choice_id"), "A whole item's switch has no choice_id.");
        });
        Assert.Equal(events.Count, before + 2);
    }

    [Fact]
    public async Task A_choice_switch_is_published_once_with_its_choice_id_keyed_by_its_item()
    {
        const int itemId = 607;
        var item = await fixture.Gateway.GetFromJsonAsync<JsonObject>($"/api/menu/items/{itemId}");
        var choiceId = item!["optionGroups"]!.AsArray().Last()!["choices"]!.AsArray().Last()!["id"]!.GetValue<int>();
        using var staff = fixture.CreateStaffClient();
        var before = ReadAll(Topics.MenuAvailabilityChanged, itemId).Count;
        try
        {
            (await staff.PutAsJsonAsync($"/api/menu/choices/{choiceId}/availability", new { available = false })).EnsureSuccessStatusCode();
            (await staff.PutAsJsonAsync($"/api/menu/choices/{choiceId}/availability", new { available = false })).EnsureSuccessStatusCode();
        }
        finally
        {
            (await staff.PutAsJsonAsync($"/api/menu/choices/{choiceId}/availability", new { available = true })).EnsureSuccessStatusCode();
        }

        await Eventually.ResultAsync(
            () => Task.FromResult(ReadAll(Topics.MenuAvailabilityChanged, itemId) is { } all && all.Count >= before + 2 ? all : null),
            KioskClient.Patience, $"two {Topics.MenuAvailabilityChanged} events of choice {choiceId}");
        // Give a stray third event (the repeat) the time the first two took to arrive.
        await Task.Delay(1000);
        var mine = ReadAll(Topics.MenuAvailabilityChanged, itemId).Skip(before).ToList();

        Assert.Equal([false, true], mine.Select(e => e["available"]!.GetValue<bool>()));
        Assert.All(mine, e =>
        {
            Assert.Equal(itemId, e["menu_item_id"]!.GetValue<int>());
            Assert.Equal(choiceId, e["choice_id"]!.GetValue<int>());
        });
    }

    /// <summary>Every message of <paramref name="topic"/> with key <paramref name="key"/>, in order, read to the end.</summary>
    private List<JsonObject> ReadAll(string topic, object key)
    {
        var wanted = Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture);
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = fixture.KafkaBootstrapServers,
            GroupId = "test-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            EnablePartitionEof = true,
            FetchWaitMaxMs = 5,
            SessionTimeoutMs = 6000,
            HeartbeatIntervalMs = 1000,
        }).Build();
        consumer.Subscribe(topic);
        var found = new List<JsonObject>();
        var ended = new HashSet<int>();
        int? partitions = null;
        var deadline = DateTime.UtcNow + KioskClient.Patience;
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
                partitions ??= consumer.Assignment.Count > 0 ? consumer.Assignment.Count : null;
                if (result is null)
                {
                    continue;
                }
                if (result.IsPartitionEOF)
                {
                    ended.Add(result.Partition.Value);
                    if (partitions is { } count && ended.Count >= count)
                    {
                        return found;
                    }
                    continue;
                }
                ended.Remove(result.Partition.Value);
                if (result.Message.Key == wanted)
                {
                    found.Add(JsonNode.Parse(Encoding.UTF8.GetString(result.Message.Value))!.AsObject());
                }
            }
        }
        finally
        {
            consumer.Close();
        }
        throw new TimeoutException($"Could not read {topic} to its end within {KioskClient.Patience.TotalSeconds:0} s.");
    }
}
