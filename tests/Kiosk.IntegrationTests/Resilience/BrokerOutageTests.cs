using Xunit.Abstractions;

namespace Kiosk.IntegrationTests.Resilience;

[Collection(ResilienceCollection.Name)]
public sealed class BrokerOutageTests(ResilienceFixture fixture, ITestOutputHelper output)
{
    // Longer than session.timeout.ms (6 s against the embedded broker), so every consumer loses its group membership.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(12);

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
