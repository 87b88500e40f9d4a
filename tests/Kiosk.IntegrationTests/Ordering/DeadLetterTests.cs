using Kiosk.Contracts;
using Kiosk.Contracts.Events;

namespace Kiosk.IntegrationTests.Ordering;

/// <summary>
/// Messages that arrive before what they refer to wait instead of being parked; parked ones can be listed and replayed
/// by the crew through the gateway. The fixture gives the orders service a short not-ready timeout.
/// </summary>
[Collection(KioskCollection.Name)]
public sealed class DeadLetterTests(KioskAppFixture fixture)
{
    private readonly KioskClient _kiosk = new(fixture);
    private readonly KafkaProbe _kafka = new(fixture);

    private static CartCheckout Checkout(Guid orderId) => new(Guid.NewGuid(), orderId, Guid.NewGuid(), "TAKE_OUT",
        [new CartCheckoutItem(201, "Yumburger", 45.00m, 2)], 90.00m, DateTimeOffset.UtcNow);

    private static PaymentConfirmed Payment(Guid orderId) =>
        new(Guid.NewGuid(), orderId, Guid.NewGuid(), 100.00m, 10.00m, 90.00m, DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_payment_that_arrives_before_its_order_waits_and_the_order_ends_paid_with_nothing_dead_lettered()
    {
        var orderId = Guid.NewGuid();
        var payment = await _kafka.ProduceAsync(Topics.PaymentConfirmed, orderId.ToString(), EventSerializer.Serialize(Payment(orderId)));
        await Task.Delay(TimeSpan.FromSeconds(3));
        await _kafka.ProduceAsync(Topics.CartCheckout, orderId.ToString(), EventSerializer.Serialize(Checkout(orderId)));

        await _kiosk.WaitForOrderAsync(orderId.ToString(), "PAID");
        await _kafka.WaitUntilConsumedAsync("orders", payment);
        Assert.DoesNotContain(await DeadLettersAsync("orders"), d => d!["key"]?.GetValue<string>() == orderId.ToString());
    }

    [Fact]
    public async Task A_payment_parked_because_its_order_never_came_is_listed_and_a_replay_once_the_order_exists_pays_it()
    {
        var orderId = Guid.NewGuid();
        await _kafka.ProduceAsync(Topics.PaymentConfirmed, orderId.ToString(), EventSerializer.Serialize(Payment(orderId)));

        var parked = await WaitForDeadLetterAsync("orders", d => d!["key"]?.GetValue<string>() == orderId.ToString());
        Assert.Equal(Topics.PaymentConfirmed, parked["topic"]!.GetValue<string>());
        Assert.EndsWith(".EventNotReadyException", parked["errorType"]!.GetValue<string>());
        Assert.Contains(orderId.ToString(), parked["errorMessage"]!.GetValue<string>());
        var id = parked["id"]!.GetValue<long>();
        Assert.Contains(await DeadLettersAsync("orders", "?replayed=false"), d => d!["id"]!.GetValue<long>() == id);

        await _kafka.ProduceAsync(Topics.CartCheckout, orderId.ToString(), EventSerializer.Serialize(Checkout(orderId)));
        await _kiosk.WaitForOrderAsync(orderId.ToString(), "PENDING");

        var replay = await ReplayAsync("orders", id);
        Assert.Equal("handled", replay["outcome"]!.GetValue<string>());
        await _kiosk.WaitForOrderAsync(orderId.ToString(), "PAID");

        var again = await ReplayAsync("orders", id);
        Assert.Equal("duplicate", again["outcome"]!.GetValue<string>());
        Assert.DoesNotContain(await DeadLettersAsync("orders", "?replayed=false"), d => d!["id"]!.GetValue<long>() == id);
        var listed = Assert.Single(await DeadLettersAsync("orders", "?replayed=true"), d => d!["id"]!.GetValue<long>() == id);
        Assert.Equal("duplicate", listed!["replayOutcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_poison_message_is_listed_and_its_replay_reports_that_it_failed_again_with_the_error()
    {
        var poison = $"{{ not a payment {Guid.NewGuid()}";
        await _kafka.ProduceAsync(Topics.PaymentConfirmed, Guid.NewGuid().ToString(), System.Text.Encoding.UTF8.GetBytes(poison));

        var parked = await WaitForDeadLetterAsync("orders", d => d["payload"]?.GetValue<string>() == poison);
        Assert.Equal(typeof(InvalidEventException).FullName, parked["errorType"]!.GetValue<string>());

        var replay = await ReplayAsync("orders", parked["id"]!.GetValue<long>());
        Assert.Equal("failed", replay["outcome"]!.GetValue<string>());
        Assert.Contains("PaymentConfirmed", replay["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dead_letters_are_staff_only_and_an_unknown_one_is_a_404_problem()
    {
        var anonymous = await fixture.Gateway.GetAsync("/api/payments/dead-letters");
        await KioskClient.ProblemAsync(anonymous, HttpStatusCode.Unauthorized);

        using var staff = fixture.CreateStaffClient();
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/payments/dead-letters")).StatusCode);
        var missing = await staff.PostAsync("/api/orders/dead-letters/999999999/replay", null);
        await KioskClient.ProblemAsync(missing, HttpStatusCode.NotFound);
    }

    private async Task<JsonArray> DeadLettersAsync(string service, string query = "")
    {
        using var staff = fixture.CreateStaffClient();
        return (await staff.GetFromJsonAsync<JsonArray>($"/api/{service}/dead-letters{query}"))!;
    }

    private Task<JsonObject> WaitForDeadLetterAsync(string service, Func<JsonObject, bool> match) =>
        Eventually.ResultAsync(async () =>
            (await DeadLettersAsync(service)).Select(d => d!.AsObject()).FirstOrDefault(match),
            TimeSpan.FromSeconds(60), $"the message to be listed in GET /api/{service}/dead-letters");

    private async Task<JsonObject> ReplayAsync(string service, long id)
    {
        using var staff = fixture.CreateStaffClient();
        var response = await staff.PostAsync($"/api/{service}/dead-letters/{id}/replay", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
